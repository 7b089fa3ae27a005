package io.github.youshu.context;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHeaderContextResolverTest {

    private final RequestHeaderContextResolver resolver = new RequestHeaderContextResolver(RequestHeaderNames.DEFAULTS);

    @AfterEach
    void resetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void readsEveryFieldFromTheDefaultHeaders() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Youshu-Open-Id", "open-1");
        request.addHeader("X-Youshu-Union-Id", "union-1");
        request.addHeader("X-Youshu-User-Id", "user-1");
        request.addHeader("X-Youshu-Page", "pages/product?sku_id=AOdjf7u");
        request.addHeader("X-Youshu-Page-Title", URLEncoder.encode("商品详情 & more", StandardCharsets.UTF_8));
        request.addHeader("X-Youshu-Scene", "1037");
        request.addHeader("X-Youshu-Chan-Id", "chan-1");
        request.addHeader("X-Youshu-Tracking-Id", "9b2f6f1c-0000-4000-8000-000000000001");
        bind(request);

        assertThat(resolver.resolve()).isEqualTo(YoushuContext.builder().openId("open-1").unionId("union-1").userId("user-1")
                .page("pages/product?sku_id=AOdjf7u").pageTitle("商品详情 & more").scene(1037).chanId("chan-1")
                .trackingId("9b2f6f1c-0000-4000-8000-000000000001").build());
    }

    @Test
    void readsConfiguredHeaderNames() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Open-Id", "open-2");
        request.addHeader("X-Youshu-Open-Id", "ignored");
        bind(request);
        RequestHeaderContextResolver custom = new RequestHeaderContextResolver(new RequestHeaderNames("X-Open-Id",
                "X-Union-Id", "X-User-Id", "X-Page", "X-Page-Title", "X-Scene", "X-Chan-Id", "X-Tracking-Id"));

        assertThat(custom.resolve()).isEqualTo(YoushuContext.builder().openId("open-2").build());
    }

    @Test
    void knowsNothingOutsideARequest() {
        assertThat(resolver.resolve()).isSameAs(YoushuContext.EMPTY);
    }

    @Test
    void ignoresANonNumericSceneAndABadlyEncodedTitle() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Youshu-Scene", "10x37");
        request.addHeader("X-Youshu-Page-Title", "100%");
        request.addHeader("X-Youshu-Open-Id", "open-3");
        bind(request);

        YoushuContext context = resolver.resolve();

        assertThat(context.scene()).isNull();
        assertThat(context.pageTitle()).isNull();
        assertThat(context.openId()).isEqualTo("open-3");
    }

    @Test
    void logsABadSceneOnceAtDebug() {
        Logger logger = (Logger) LoggerFactory.getLogger(RequestHeaderContextResolver.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            for (int i = 0; i < 3; i++) {
                MockHttpServletRequest request = new MockHttpServletRequest();
                request.addHeader("X-Youshu-Scene", "scene-" + i);
                bind(request);
                assertThat(resolver.resolve().scene()).isNull();
            }
        }
        finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).isEqualTo(
                    "Ignoring header X-Youshu-Scene: not a number (further bad values are ignored silently)");
        });
    }

    @Test
    void headerValuesAreDataNeverExpressions() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Youshu-Open-Id", "#{T(java.lang.Runtime).getRuntime().exit(1)}");
        request.addHeader("X-Youshu-Page", "T(java.lang.System).exit(1)");
        bind(request);

        YoushuContext context = resolver.resolve();

        assertThat(context.openId()).isEqualTo("#{T(java.lang.Runtime).getRuntime().exit(1)}");
        assertThat(context.page()).isEqualTo("T(java.lang.System).exit(1)");
    }

    @Test
    void blankHeadersCountAsAbsent() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Youshu-Open-Id", "  ");
        request.addHeader("X-Youshu-Scene", "");
        bind(request);

        assertThat(resolver.resolve()).isEqualTo(YoushuContext.EMPTY);
    }

    private static void bind(MockHttpServletRequest request) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
