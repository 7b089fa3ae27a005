package io.github.youshu.simulator;

/**
 * The {@code retcode} values the simulator answers on the data-api (data-api.md §1), in
 * {@code {"retcode": .., "errmsg": "..", "data": {..}}} bodies with HTTP 200. Any other non-zero value can be
 * injected with {@link YoushuSimulator#retcodeNextDataApi(int, int)}.
 */
public final class DataApiRetcode {

    /** Success. */
    public static final int OK = 0;
    /** Write failed (transient); only by injection. */
    public static final int WRITE_FAILED = 5;
    /** The envelope's {@code dataSourceId} is not a data source of this simulator. */
    public static final int DATA_SOURCE_NOT_FOUND = 10;
    /** The {@code merchantId} of a data source call is not the simulator's. */
    public static final int MERCHANT_NOT_FOUND = 12;
    /** Data format wrong: the envelope or an item; {@code errmsg} names every violation with its JSON path. */
    public static final int BAD_DATA_FORMAT = 13;
    /** Merchant verification failed: app id, signature, timestamp or nonce; {@code errmsg} says which. */
    public static final int VERIFICATION_FAILED = 15;
    /** data_source/add for a merchant that already has a data source. */
    public static final int DATA_SOURCE_EXISTS = 16;

    private DataApiRetcode() {
    }
}
