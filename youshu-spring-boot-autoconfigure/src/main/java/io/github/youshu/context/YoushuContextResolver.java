package io.github.youshu.context;

/**
 * Supplies the user, page and channel of the current call to every reported event. Register
 * resolvers as beans; they are asked in {@link org.springframework.core.annotation.Order @Order}
 * / {@link org.springframework.core.Ordered} order, and for each field the first resolver that
 * has a value wins. A value set on the annotation (or on a programmatic event) beats every
 * resolver; the {@code youshu.defaults.*} properties fill what no resolver knows.
 *
 * <p>Resolvers run on the thread that calls the annotated method (also for a method returning a
 * {@code CompletionStage}), so thread-bound state such as the current request or security context
 * is available. They must be fast and must not throw: a resolver that throws is skipped (and
 * logged).
 *
 * <pre>{@code
 * @Bean
 * YoushuContextResolver currentUser(CurrentUser user) {
 *     return () -> YoushuContext.builder().openId(user.openId()).userId(user.id()).build();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface YoushuContextResolver {

    /**
     * @return what this resolver knows about the current call; {@link YoushuContext#EMPTY} (or
     *         {@code null}) when nothing
     */
    YoushuContext resolve();
}
