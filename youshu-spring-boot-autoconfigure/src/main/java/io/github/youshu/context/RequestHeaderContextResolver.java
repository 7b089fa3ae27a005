package io.github.youshu.context;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the context from the headers of the current servlet request (found through Spring's
 * {@link RequestContextHolder}), as sent by the mini-program's {@code wx.request} wrapper. Outside a
 * servlet request it knows nothing. Header values are only ever data: they are never evaluated.
 * A scene header that is not a number, or a page title that is not valid URL encoding, is ignored
 * (logged once at debug).
 *
 * <p>Needs spring-web and the servlet API: register it only in a servlet web application.
 */
public class RequestHeaderContextResolver implements YoushuContextResolver {

    private static final Logger log = LoggerFactory.getLogger(RequestHeaderContextResolver.class);

    private final RequestHeaderNames headers;
    private final AtomicBoolean badSceneLogged = new AtomicBoolean();
    private final AtomicBoolean badPageTitleLogged = new AtomicBoolean();

    /** @param headers the header names to read */
    public RequestHeaderContextResolver(RequestHeaderNames headers) {
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** The header names this resolver reads. */
    public RequestHeaderNames headers() {
        return headers;
    }

    @Override
    public YoushuContext resolve() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servletAttributes)) {
            return YoushuContext.EMPTY;
        }
        HttpServletRequest request = servletAttributes.getRequest();
        return YoushuContext.builder()
                .openId(request.getHeader(headers.openId()))
                .unionId(request.getHeader(headers.unionId()))
                .userId(request.getHeader(headers.userId()))
                .page(request.getHeader(headers.page()))
                .pageTitle(decodePageTitle(request.getHeader(headers.pageTitle())))
                .scene(parseScene(request.getHeader(headers.scene())))
                .chanId(request.getHeader(headers.chanId()))
                .trackingId(request.getHeader(headers.trackingId()))
                .build();
    }

    private Integer parseScene(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        }
        catch (NumberFormatException ex) {
            if (badSceneLogged.compareAndSet(false, true)) {
                log.debug("Ignoring header {}: not a number (further bad values are ignored silently)", headers.scene());
            }
            return null;
        }
    }

    private String decodePageTitle(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            if (badPageTitleLogged.compareAndSet(false, true)) {
                log.debug("Ignoring header {}: not URL-encoded UTF-8 (further bad values are ignored silently)",
                        headers.pageTitle());
            }
            return null;
        }
    }
}
