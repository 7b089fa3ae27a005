package io.github.youshu.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects violations; builds a path and allocates a list only for an actual violation. Not thread-safe. */
final class ViolationCollector {

    private List<Violation> list;
    private Throwable firstCause;

    /**
     * @param parent the parent's path, or {@code null} for a top-level field
     * @param index  the index in the parent array, or {@code -1}
     */
    void add(String parent, int index, String field, String message) {
        StringBuilder path = new StringBuilder(48);
        if (parent != null) {
            path.append(parent);
            if (index >= 0) {
                path.append('[').append(index).append(']');
            }
            path.append('.');
        }
        path.append(field);
        add(path.toString(), message);
    }

    void add(String path, String message) {
        if (list == null) {
            list = new ArrayList<>();
        }
        list.add(new Violation(path, message));
    }

    /** A violation caused by a value that threw when read; the first such failure is kept as the cause. */
    void add(String path, String message, Throwable cause) {
        add(path, message);
        if (firstCause == null) {
            firstCause = cause;
        }
    }

    /** The failure behind the first violation that had one, or {@code null}. */
    Throwable firstCause() {
        return firstCause;
    }

    /** The violations so far: an unmodifiable list, empty when there were none. */
    List<Violation> result() {
        return list == null ? List.of() : List.copyOf(list);
    }
}
