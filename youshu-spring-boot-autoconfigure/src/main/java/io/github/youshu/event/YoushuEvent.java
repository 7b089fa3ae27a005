package io.github.youshu.event;

/**
 * The envelope of one Youshu event: {@code {"type", "from", "tracking_id", "props"}}.
 * (Placeholder of the foundation issue: the event model replaces it.)
 */
public record YoushuEvent(String type, String from, String trackingId, Object props) {
}
