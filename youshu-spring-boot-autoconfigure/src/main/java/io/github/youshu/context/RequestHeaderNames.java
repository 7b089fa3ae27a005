package io.github.youshu.context;

import java.util.Objects;

/**
 * The HTTP request headers {@link RequestHeaderContextResolver} reads (properties
 * {@code youshu.context.headers.*}).
 *
 * @param openId     header with {@code wx_user.open_id}; default {@code X-Youshu-Open-Id}
 * @param unionId    header with {@code wx_user.union_id}; default {@code X-Youshu-Union-Id}
 * @param userId     header with {@code wx_user.user_id}; default {@code X-Youshu-User-Id}
 * @param page       header with {@code page}; default {@code X-Youshu-Page}
 * @param pageTitle  header with the URL-encoded (UTF-8) {@code page_title}; default {@code X-Youshu-Page-Title}
 * @param scene      header with {@code chan.chan_wxapp_scene}, a number; default {@code X-Youshu-Scene}
 * @param chanId     header with {@code chan.chan_id}; default {@code X-Youshu-Chan-Id}
 * @param trackingId header with {@code tracking_id}; default {@code X-Youshu-Tracking-Id}
 */
public record RequestHeaderNames(String openId, String unionId, String userId, String page, String pageTitle,
                                 String scene, String chanId, String trackingId) {

    /** The default header names. */
    public static final RequestHeaderNames DEFAULTS = new RequestHeaderNames("X-Youshu-Open-Id", "X-Youshu-Union-Id",
            "X-Youshu-User-Id", "X-Youshu-Page", "X-Youshu-Page-Title", "X-Youshu-Scene", "X-Youshu-Chan-Id",
            "X-Youshu-Tracking-Id");

    /** @throws NullPointerException naming the header whose name is missing */
    public RequestHeaderNames {
        Objects.requireNonNull(openId, "openId header name");
        Objects.requireNonNull(unionId, "unionId header name");
        Objects.requireNonNull(userId, "userId header name");
        Objects.requireNonNull(page, "page header name");
        Objects.requireNonNull(pageTitle, "pageTitle header name");
        Objects.requireNonNull(scene, "scene header name");
        Objects.requireNonNull(chanId, "chanId header name");
        Objects.requireNonNull(trackingId, "trackingId header name");
    }
}
