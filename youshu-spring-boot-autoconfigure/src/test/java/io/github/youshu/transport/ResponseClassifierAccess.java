package io.github.youshu.transport;

import java.time.Clock;

/** Lets tests of other packages see how the transport classifies an answer. */
public final class ResponseClassifierAccess {

    private ResponseClassifierAccess() {
    }

    public static SendResult classify(int status, byte[] body) {
        return new ResponseClassifier(Clock.systemUTC()).classify(status, null, body);
    }
}
