package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;

/**
 * How much a chatsdk client logs. Set it with the builder's {@code logLevel(LogLevel)} or with the
 * environment variable {@code CHATSDK_LOG} ({@code off}, {@code info} or {@code debug}); the
 * builder wins when both are given. Credentials are redacted at every level, and every entry is one
 * line (line breaks in bodies and messages are escaped as {@code \n}).
 *
 * <ul>
 *   <li>{@link #OFF}: nothing (the default);</li>
 *   <li>{@link #INFO}: one entry per attempt with method, URL, status or failure, attempt number,
 *       duration and request id, and one entry per retry wait;</li>
 *   <li>{@link #DEBUG}: in addition the request line with its headers (credential headers
 *       redacted), the request body, the response status with its headers and the response body,
 *       bodies truncated to 4096 characters.</li>
 * </ul>
 *
 * <p>Where the entries go, decided when the client is built:
 * <ol>
 *   <li>when the application has routed {@link System.Logger} (a {@link System.LoggerFinder} that is
 *       not the JDK's, such as SLF4J's {@code slf4j-jdk-platform-logging} or Log4j's
 *       {@code log4j-jpl}; or a java.util.logging configuration: the system properties
 *       {@code java.util.logging.config.file}, {@code .config.class}, {@code .manager} or
 *       {@code java.util.logging.SimpleFormatter.format}, a level or handler set on logger
 *       {@value #LOGGER_NAME} or an ancestor, a changed root logger, as {@code SLF4JBridgeHandler}
 *       and Spring Boot make), the entries go to {@link System.Logger} {@value #LOGGER_NAME}, INFO
 *       entries at {@link System.Logger.Level#INFO} and DEBUG entries at
 *       {@link System.Logger.Level#DEBUG}, and that configuration decides what is shown and how
 *       (the client's level is an upper bound);</li>
 *   <li>otherwise (a plain JVM) a client whose level is not {@link #OFF} writes its entries to
 *       {@code System.err}, one line each:
 *       {@code 2025-06-01T10:15:30.123Z INFO [main] io.github.chatsdk: brek GET https://... -> 200 in 84 ms (attempt 1 of 3)}.</li>
 * </ol>
 * An entry goes to one of the two, never both. Warnings (a call listener or rate limiter that
 * threw) always go to {@link System.Logger} at {@link System.Logger.Level#WARNING}, whatever the level.
 */
public enum LogLevel {
    /** No logging. */
    OFF,
    /** Method, URL, status, attempt and duration of every attempt, and every retry wait. */
    INFO,
    /** {@link #INFO} plus redacted headers and truncated bodies. */
    DEBUG;

    /** The name of the {@link System.Logger} every chatsdk client logs to when the application routed it. */
    public static final String LOGGER_NAME = "io.github.chatsdk";

    /**
     * Reads a {@code CHATSDK_LOG} value: {@code off}, {@code info} or {@code debug}, in any case.
     *
     * @param value the value, may be {@code null}
     * @return the level, or empty when the value is {@code null}, blank or not one of the three
     */
    public static Optional<LogLevel> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "off":
                return Optional.of(OFF);
            case "info":
                return Optional.of(INFO);
            case "debug":
                return Optional.of(DEBUG);
            default:
                return Optional.empty();
        }
    }
}
