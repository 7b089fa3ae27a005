package io.github.youshu.delivery;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.youshu.transport.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies every {@link YoushuDeliveryListener} in turn, so that one that throws neither stops the
 * others nor reaches delivery. The first failure of each listener is a warning, later ones debug.
 */
final class DeliveryListeners {

    private static final Logger log = LoggerFactory.getLogger(DeliveryListeners.class);

    private final List<YoushuDeliveryListener> listeners;

    private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();

    DeliveryListeners(List<YoushuDeliveryListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void sent(List<OutboundEvent> events) {
        each(listener -> listener.onSent(events));
    }

    void failed(List<OutboundEvent> events, SendResult result) {
        each(listener -> listener.onFailed(events, result));
    }

    void deadLettered(List<OutboundEvent> events, String reason) {
        each(listener -> listener.onDeadLettered(events, reason));
    }

    private void each(Consumer<YoushuDeliveryListener> call) {
        for (YoushuDeliveryListener listener : listeners) {
            try {
                call.accept(listener);
            }
            catch (VirtualMachineError error) {
                throw error;
            }
            catch (Throwable ex) {
                if (warned.add(listener.getClass())) {
                    log.warn("Youshu delivery listener {} failed; delivery goes on, and its further failures are logged at debug level",
                            listener.getClass().getName(), ex);
                }
                else {
                    log.debug("Youshu delivery listener {} failed", listener.getClass().getName(), ex);
                }
            }
        }
    }
}
