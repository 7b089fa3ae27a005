package io.github.youshu.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;

/**
 * A fake Youshu: a script decides the outcome of every request from its number (1-based) and the
 * events' sequence numbers. It records every request, and the sequence numbers of the events of
 * accepted requests (what the server stored).
 */
public final class ScriptedTransport implements YoushuTransport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Decides the outcome of one request. */
    @FunctionalInterface
    public interface Script {
        SendResult answer(int requestNumber, List<Integer> seqs);
    }

    private final Script script;

    private final AtomicInteger requests = new AtomicInteger();

    private final AtomicInteger concurrent = new AtomicInteger();

    private final AtomicInteger maxConcurrent = new AtomicInteger();

    private final List<List<Integer>> requestSeqs = new CopyOnWriteArrayList<>();

    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    private final List<Integer> storedSeqs = new CopyOnWriteArrayList<>();

    public ScriptedTransport(Script script) {
        this.script = script;
    }

    public static ScriptedTransport accepting() {
        return new ScriptedTransport((n, seqs) -> ok());
    }

    /**
     * Rejects every request holding one of {@code badSeqs}, naming the first bad event as a
     * validating server does ({@code invalid event: seq 6}); accepts the others.
     */
    public static ScriptedTransport rejecting(Integer... badSeqs) {
        List<Integer> bad = List.of(badSeqs);
        return new ScriptedTransport((n, seqs) -> seqs.stream().filter(bad::contains).findFirst()
                .map(seq -> SendResult.rejected(200, 40010, "invalid event: seq " + seq)).orElseGet(ScriptedTransport::ok));
    }

    public static ScriptedTransport failing() {
        return new ScriptedTransport((n, seqs) -> unavailable());
    }

    public static SendResult ok() {
        return SendResult.accepted(200, 0, "ok");
    }

    public static SendResult unavailable() {
        return SendResult.transientFailure(503, "Service Unavailable", null);
    }

    /** Combines scripts: the first applies to requests 1..firstRequests, the second after. */
    public static Script first(int firstRequests, Script first, Script then) {
        return (n, seqs) -> n <= firstRequests ? first.answer(n, seqs) : then.answer(n - firstRequests, seqs);
    }

    @Override
    public SendResult send(byte[] jsonBody, int eventCount) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            List<Integer> seqs = parse(jsonBody);
            if (seqs.size() != eventCount) {
                throw new AssertionError("eventCount " + eventCount + " but body has " + seqs.size());
            }
            int number = requests.incrementAndGet();
            bodies.add(jsonBody);
            requestSeqs.add(seqs);
            SendResult result = script.answer(number, seqs);
            if (result.isAccepted()) {
                storedSeqs.addAll(seqs);
            }
            return result;
        }
        finally {
            concurrent.decrementAndGet();
        }
    }

    public int requestCount() {
        return requests.get();
    }

    public int maxConcurrent() {
        return maxConcurrent.get();
    }

    public List<List<Integer>> requestSeqs() {
        return List.copyOf(requestSeqs);
    }

    public List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    /** The sequence numbers of all events in accepted requests, in arrival order (duplicates kept). */
    public List<Integer> storedSeqs() {
        return List.copyOf(storedSeqs);
    }

    private static List<Integer> parse(byte[] body) {
        try {
            JsonNode array = MAPPER.readTree(body);
            if (!array.isArray()) {
                throw new AssertionError("not a JSON array: " + new String(body));
            }
            List<Integer> seqs = new ArrayList<>();
            array.forEach(node -> seqs.add(node.get("seq").asInt()));
            return seqs;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
