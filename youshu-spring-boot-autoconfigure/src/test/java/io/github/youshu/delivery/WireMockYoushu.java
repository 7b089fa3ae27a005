package io.github.youshu.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.youshu.transport.HttpYoushuTransport;
import io.github.youshu.transport.ReportEndpoint;
import io.github.youshu.transport.TransportSettings;
import io.github.youshu.transport.YoushuCredentials;
import io.github.youshu.transport.YoushuEnvironment;

/**
 * A WireMock server playing Youshu's safe-report endpoint, and what its request journal shows: the
 * events of each request (by their {@code seq}) and which ones Youshu accepted ({@code "code":0}).
 */
public final class WireMockYoushu implements AutoCloseable {

    public static final String PATH = "/api/v1/safe-report";

    private static final ObjectMapper JSON = new ObjectMapper();

    public final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").containerThreads(20));

    public WireMockYoushu() {
        server.start();
    }

    /** The real HTTP transport, signing with {@code appSecret}. */
    public HttpYoushuTransport transport(String appSecret) {
        return new HttpYoushuTransport(TransportSettings.of(YoushuEnvironment.TEST, server.baseUrl(),
                ReportEndpoint.SAFE_REPORT, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                YoushuCredentials.of("bi-wiremock-test", appSecret));
    }

    /** The {@code seq} of the events of every request, in arrival order. */
    public List<List<Integer>> requestSeqs() {
        List<List<Integer>> requests = new ArrayList<>();
        for (ServeEvent served : served()) {
            requests.add(seqs(served));
        }
        return requests;
    }

    /** How often each event ({@code seq}) arrived in a request answered {@code "code":0}. */
    public Map<Integer, Integer> acceptedSeqs() {
        Map<Integer, Integer> accepted = new HashMap<>();
        for (ServeEvent served : served()) {
            if (served.getResponse().getStatus() == 200 && served.getResponse().getBodyAsString().contains("\"code\":0")) {
                seqs(served).forEach(seq -> accepted.merge(seq, 1, Integer::sum));
            }
        }
        return accepted;
    }

    private List<ServeEvent> served() {
        List<ServeEvent> served = new ArrayList<>(server.getAllServeEvents());
        served.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        return served;
    }

    private static List<Integer> seqs(ServeEvent served) {
        try {
            List<Integer> seqs = new ArrayList<>();
            for (JsonNode event : JSON.readTree(served.getRequest().getBodyAsString())) {
                seqs.add(event.get("seq").asInt());
            }
            return seqs;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
