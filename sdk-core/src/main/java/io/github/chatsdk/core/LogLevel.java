package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;

/**
 * How much a chatsdk client logs through {@link System.Logger} (logger name
 * {@value #LOGGER_NAME}). Set it with the builder's {@code logLevel(LogLevel)} or with the
 * environment variable {@code CHATSDK_LOG} ({@code off}, {@code info} or {@code debug}); the
 * builder wins when both are given. Credentials are redacted at every level.
 *
 * <ul>
 *   <li>{@link #OFF}: nothing (the default);</li>
 *   <li>{@link #INFO}: one line per attempt at {@link System.Logger.Level#INFO} with method, URL,
 *       status or failure, attempt number and duration, and one line per retry wait;</li>
 *   <li>{@link #DEBUG}: in addition, at {@link System.Logger.Level#DEBUG}, the request and response
 *       headers (credential headers redacted) and the bodies, truncated.</li>
 * </ul>
 */
public enum LogLevel {
    /** No logging. */
    OFF,
    /** Method, URL, status, attempt and duration of every attempt, and every retry wait. */
    INFO,
    /** {@link #INFO} plus redacted headers and truncated bodies. */
    DEBUG;

    /** The name of the {@link System.Logger} every chatsdk client logs to. */
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
