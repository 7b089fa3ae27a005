package io.github.youshu.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * On a Spring Boot test class: reported events are recorded in the {@link YoushuRecorder} bean
 * instead of being sent to Youshu (sets {@code youshu.test.recording=true}). Inject the recorder
 * and assert on what the code under test reported.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "youshu.test.recording=true")
public @interface AutoConfigureYoushuRecorder {
}
