package io.github.youshu.test;

import java.time.Instant;
import java.util.List;

import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.StoredEvent;

/**
 * An {@link EventStore} that records every event in the {@link YoushuRecorder} and holds none, so
 * nothing is ever sent. Like the memory store, it takes events after the caller's transaction commits.
 */
final class RecordingEventStore implements EventStore {

    private final YoushuRecorder recorder;

    RecordingEventStore(YoushuRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public boolean joinsTransaction() {
        return false;
    }

    @Override
    public boolean append(OutboundEvent event) {
        recorder.record(event);
        return true;
    }

    @Override
    public List<StoredEvent> claim(int maxEvents, long maxBytes) {
        return List.of();
    }

    @Override
    public void markDelivered(List<StoredEvent> events) {
    }

    @Override
    public void markForRetry(List<StoredEvent> events, Instant notBefore, String error) {
    }

    @Override
    public void markDead(List<StoredEvent> events, String error) {
    }

    @Override
    public long pendingCount() {
        return 0;
    }
}
