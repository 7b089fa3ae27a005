package io.github.youshu.dailytotals;

import java.util.regex.Pattern;

/** The name of the table recording the days sent ({@link JdbcSentDays}), without JDBC classes (spring-jdbc is optional). */
public final class DailyTotalsTable {

    /** The default table name. */
    public static final String DEFAULT_NAME = "youshu_order_sum_day";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

    private DailyTotalsTable() {
    }

    /**
     * @return the name when it is a plain SQL identifier of at most 48 characters
     * @throws IllegalArgumentException naming the property otherwise
     */
    public static String checkName(String table) {
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("youshu.orders.daily-totals.table-name '" + table
                    + "' must be a plain SQL identifier (letters, digits, _; at most 48 characters)");
        }
        return table;
    }
}
