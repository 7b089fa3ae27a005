package io.github.youshu.transport;

import java.net.URI;

/** The Youshu environment the credentials were issued for; each has its own API host. */
public enum YoushuEnvironment {

    /** {@code https://zhls.qq.com}. */
    PRODUCTION(URI.create("https://zhls.qq.com")),

    /** {@code https://test.zhls.qq.com}. */
    TEST(URI.create("https://test.zhls.qq.com"));

    private final URI baseUri;

    YoushuEnvironment(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** The API host of this environment, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }
}
