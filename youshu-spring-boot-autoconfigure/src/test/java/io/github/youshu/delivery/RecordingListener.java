package io.github.youshu.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.youshu.transport.SendResult;

/** Records every notification. */
public final class RecordingListener implements YoushuDeliveryListener {

    public final List<OutboundEvent> sent = new CopyOnWriteArrayList<>();

    public final List<SendResult> failures = new CopyOnWriteArrayList<>();

    public final List<OutboundEvent> deadLettered = new CopyOnWriteArrayList<>();

    public final List<String> deadLetterReasons = new CopyOnWriteArrayList<>();

    @Override
    public void onSent(List<OutboundEvent> events) {
        sent.addAll(events);
    }

    @Override
    public void onFailed(List<OutboundEvent> events, SendResult result) {
        failures.add(result);
    }

    @Override
    public void onDeadLettered(List<OutboundEvent> events, String reason) {
        deadLettered.addAll(events);
        deadLetterReasons.add(reason);
    }
}
