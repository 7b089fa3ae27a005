package io.github.youshu.test;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Test support of Youshu reporting, under the {@code youshu.test} prefix: for the application's
 * own tests, never for production.
 */
@ConfigurationProperties("youshu.test")
public class YoushuTestProperties {

    /** Whether reported events are recorded in a YoushuRecorder bean instead of being delivered: nothing is sent to Youshu. For tests only. */
    private boolean recording;

    /** Most events the YoushuRecorder keeps; the oldest are dropped beyond it. */
    private int recorderCapacity = 10_000;

    /** How long YoushuRecorder.awaitEvent(type, orderId) waits for the event. */
    private Duration awaitTimeout = Duration.ofSeconds(5);

    public boolean isRecording() {
        return recording;
    }

    public void setRecording(boolean recording) {
        this.recording = recording;
    }

    public int getRecorderCapacity() {
        return recorderCapacity;
    }

    public void setRecorderCapacity(int recorderCapacity) {
        this.recorderCapacity = recorderCapacity;
    }

    public Duration getAwaitTimeout() {
        return awaitTimeout;
    }

    public void setAwaitTimeout(Duration awaitTimeout) {
        this.awaitTimeout = awaitTimeout;
    }
}
