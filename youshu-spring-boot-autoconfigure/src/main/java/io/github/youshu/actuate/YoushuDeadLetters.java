package io.github.youshu.actuate;

import java.util.List;

import io.github.youshu.delivery.memory.DeadLetter;

/**
 * The events that delivery gave up on (rejected by Youshu, or out of retries), for operators: the
 * {@code youshu} actuator endpoint lists, re-sends and purges them through this interface. The
 * memory store's letters are served by the library; another event store (the outbox) provides its
 * own implementation as a bean.
 */
public interface YoushuDeadLetters {

    /** How many dead letters are kept. */
    long count();

    /** The newest dead letters, newest first, at most {@code limit}. */
    List<DeadLetter> list(int limit);

    /**
     * Hands every dead letter back to delivery as a new event (its retry budget counts from now) and
     * removes it from the dead letters. Letters the store refuses (full, shutting down) stay dead letters.
     *
     * @return how many events were re-queued
     */
    int resendAll();

    /**
     * Deletes every dead letter.
     *
     * @return how many were deleted
     */
    int purge();
}
