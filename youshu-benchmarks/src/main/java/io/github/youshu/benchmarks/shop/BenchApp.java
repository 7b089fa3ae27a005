package io.github.youshu.benchmarks.shop;

/** The identity every benchmark reports under: fixed, fake credentials and user context. */
public final class BenchApp {

    /** The Youshu app id. */
    public static final String APP_ID = "bi-benchmark";

    /** The Youshu app secret (fake; the loopback server does not check it). */
    public static final String APP_SECRET = "benchmark-secret";

    /** The WeChat mini-program app id written to {@code wx_user.app_id}. */
    public static final String WX_APP_ID = "wx0123456789abcdef";

    /** The mini-program scene value. */
    public static final int SCENE = 1001;

    /** The mini-program page of the reported events. */
    public static final String PAGE = "pages/order/detail";

    /** The data source name. */
    public static final String FROM = "youshu-benchmarks";

    private BenchApp() {
    }
}
