package io.github.youshu.delivery;

/** What a full in-memory queue does with one more event. */
public enum OverflowPolicy {

    /** Refuse the new event: the events already queued keep their place. */
    DROP_NEWEST,

    /** Evict the oldest queued event (never one in flight) to make room for the new one. */
    DROP_OLDEST
}
