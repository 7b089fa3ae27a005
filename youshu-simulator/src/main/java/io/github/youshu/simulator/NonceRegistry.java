package io.github.youshu.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the nonces of authenticated requests for as long as a replay could still pass the timestamp check
 * (twice the allowed clock skew), and never more than {@code maxNonces} of them (the oldest are forgotten first).
 */
final class NonceRegistry {

    private final Duration memory;
    private final int maxNonces;
    /** Insertion order is expiry order, so expired entries are always at the head. */
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    NonceRegistry(Duration memory, int maxNonces) {
        this.memory = memory;
        this.maxNonces = maxNonces;
    }

    /** Records {@code nonce}; returns {@code false} when it is still remembered from an earlier request. */
    synchronized boolean register(String nonce, Instant now) {
        forgetExpired(now);
        if (expiries.containsKey(nonce)) {
            return false;
        }
        expiries.put(nonce, now.plus(memory));
        if (expiries.size() > maxNonces) {
            Iterator<String> eldest = expiries.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    /** How many nonces are remembered at {@code now}. */
    synchronized int size(Instant now) {
        forgetExpired(now);
        return expiries.size();
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Instant>> it = expiries.entrySet().iterator();
        while (it.hasNext() && !it.next().getValue().isAfter(now)) {
            it.remove();
        }
    }
}
