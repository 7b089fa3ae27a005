package io.github.youshu.order;

/** Masks user ids ({@code open_id}, {@code union_id}, {@code user_id}) for {@code toString()}. */
final class UserIds {

    private static final int MAX_SHOWN = 7;

    private UserIds() {
    }

    /** At most the first quarter (at most 7 characters) followed by {@code ***}; {@code null} stays {@code null}. */
    static String masked(String id) {
        return id == null ? null : id.substring(0, Math.min(MAX_SHOWN, id.length() / 4)) + "***";
    }
}
