package io.github.youshu.order;

/**
 * The mini-program channel of a goods line, {@code chan_info[].chan_wxapp} (data-api.md §5).
 *
 * @param chanScene {@code chan_scene}: the mini-program scene value as a string, e.g. {@code "1089"};
 *                  required when the object is given (inferred)
 */
public record ChanWxapp(String chanScene) {

    /** The channel of the given scene, e.g. {@code ChanWxapp.of("1089")}. */
    public static ChanWxapp of(String chanScene) {
        return new ChanWxapp(chanScene);
    }
}
