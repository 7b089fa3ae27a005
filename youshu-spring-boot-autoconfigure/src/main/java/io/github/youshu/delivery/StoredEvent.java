package io.github.youshu.delivery;

/**
 * An event as held by an {@link EventStore}: its store-specific id and how often sending it has
 * been tried.
 *
 * @param id       the store's id of the event (a sequence number, a row id)
 * @param event    the event
 * @param attempts how many send attempts already ended without the event being accepted
 */
public record StoredEvent(String id, OutboundEvent event, int attempts) {
}
