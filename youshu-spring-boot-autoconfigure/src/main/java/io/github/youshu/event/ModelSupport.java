package io.github.youshu.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small helpers shared by the event model types. */
final class ModelSupport {

    private ModelSupport() {
    }

    /**
     * An unmodifiable copy of the list, or {@code null} for {@code null}.
     *
     * @throws NullPointerException naming the list when it holds a {@code null} entry
     */
    static <T> List<T> copyOrNull(List<? extends T> list, String name) {
        if (list == null) {
            return null;
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            if (item == null) {
                throw new NullPointerException(name + " must not contain null entries");
            }
            copy.add(item);
        }
        return Collections.unmodifiableList(copy);
    }

    /** Like {@link #copyOrNull} but an empty list for {@code null}. */
    static <T> List<T> copyOrEmpty(List<? extends T> list, String name) {
        List<T> copy = copyOrNull(list, name);
        return copy == null ? List.of() : copy;
    }

    /** Epoch milliseconds of the instant, or {@code null} for {@code null}. */
    static Long epochMillis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Whether the string has a value: not {@code null} and not blank. */
    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** The value if it has text, else the default. */
    static String orDefault(String value, String defaultValue) {
        return hasText(value) ? value : defaultValue;
    }

    /** The value if not {@code null}, else the default. */
    static <T> T orDefault(T value, T defaultValue) {
        return value != null ? value : defaultValue;
    }
}
