package io.github.youshu.simulator;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator stand-alone: {@code java -jar youshu-simulator-<version>-exec.jar [--port=8089]
 * [--host=127.0.0.1] [--app-id=..] [--app-secret=..] [--merchant-id=demo-merchant] [--data-source-id=..]
 * [--zone=Asia/Shanghai]}. Credentials default to the environment variables
 * {@code YOUSHU_APP_ID} / {@code YOUSHU_APP_SECRET}, then to the demo pair {@code bi-demo-app} /
 * {@code demo-secret}. Stops on Ctrl-C.
 */
public final class YoushuSimulatorMain {

    /** The port used when {@code --port} is not given. */
    public static final int DEFAULT_PORT = 8089;

    private YoushuSimulatorMain() {
    }

    /**
     * Starts the simulator and blocks until the JVM is shut down.
     *
     * @param args {@code --port=}, {@code --host=}, {@code --app-id=}, {@code --app-secret=},
     *             {@code --merchant-id=}, {@code --data-source-id=}, {@code --zone=}
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("org.slf4j.simpleLogger.dateTimeFormat") == null) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        }
        Logger log = LoggerFactory.getLogger(YoushuSimulatorMain.class);
        YoushuSimulator simulator;
        try {
            simulator = configure(args, System.getenv()).build();
        } catch (IllegalArgumentException e) {
            log.error("{}. Usage: java -jar youshu-simulator-exec.jar [--port={}] [--host=127.0.0.1]"
                    + " [--app-id=..] [--app-secret=..] (or env YOUSHU_APP_ID, YOUSHU_APP_SECRET) [--merchant-id=..]"
                    + " [--data-source-id=..] [--zone=Asia/Shanghai]",
                    e.getMessage(), DEFAULT_PORT);
            System.exit(2);
            return;
        }
        if (YoushuSimulator.DEFAULT_APP_ID.equals(simulator.appId())) {
            log.info("Using the demo credentials (app_id {}); set YOUSHU_APP_ID / YOUSHU_APP_SECRET to change them",
                    simulator.appId());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "youshu-simulator-shutdown"));
        stopped.await();
    }

    /** A builder configured from the command line, then the environment, then the defaults. */
    static YoushuSimulator.Builder configure(String[] args, Map<String, String> env) {
        YoushuSimulator.Builder builder = YoushuSimulator.builder().port(DEFAULT_PORT);
        if (env.get("YOUSHU_APP_ID") != null) {
            builder.appId(env.get("YOUSHU_APP_ID"));
        }
        if (env.get("YOUSHU_APP_SECRET") != null) {
            builder.appSecret(env.get("YOUSHU_APP_SECRET"));
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (name) {
                case "--port" -> builder.port(parsePort(value));
                case "--host" -> builder.host(value);
                case "--app-id" -> builder.appId(value);
                case "--app-secret" -> builder.appSecret(value);
                case "--merchant-id" -> builder.merchantId(value);
                case "--data-source-id" -> builder.dataSourceId(value);
                case "--zone" -> builder.zone(parseZone(value));
                default -> throw new IllegalArgumentException("unknown argument '" + name + "'");
            }
        }
        return builder;
    }

    private static ZoneId parseZone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone must be a zone id such as Asia/Shanghai, was '" + value + "'");
        }
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was '" + value + "'");
        }
    }
}
