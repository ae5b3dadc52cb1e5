package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.LogLevel;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a client's log entries go, each entry on one line: {@link System.Logger}
 * {@value LogLevel#LOGGER_NAME} when the application routed it ({@link LogRouting}), otherwise, for
 * a client with a log level, stderr. Never both, so no entry is logged twice.
 */
abstract class LogOutput {
    /** The JDK's System.Logger of chatsdk: the application's configuration decides what it shows. */
    static final LogOutput SYSTEM_LOGGER = new ToSystemLogger();

    /**
     * @param level the client's level
     * @return where its entries go: stderr when it logs and {@link System.Logger} was not routed
     */
    static LogOutput forLevel(LogLevel level) {
        return level == LogLevel.OFF || LogRouting.routedBy() != null ? SYSTEM_LOGGER : new ToStderr();
    }

    /** @return whether an entry at this level would be shown (the client's own level is checked by the caller) */
    abstract boolean isLoggable(System.Logger.Level level);

    /** Logs one entry, made one line. */
    abstract void log(System.Logger.Level level, String message);

    /**
     * The message on one line: line breaks and other control characters (a server's body, an
     * exception's message) are escaped, so no entry spans lines and none can forge another.
     */
    static String oneLine(String s) {
        int i = 0;
        while (i < s.length() && !isEscaped(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isEscaped(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean isEscaped(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029';
    }

    private static final class ToSystemLogger extends LogOutput {
        private static final System.Logger LOGGER = System.getLogger(LogLevel.LOGGER_NAME);

        @Override
        boolean isLoggable(System.Logger.Level level) {
            return LOGGER.isLoggable(level);
        }

        @Override
        void log(System.Logger.Level level, String message) {
            LOGGER.log(level, oneLine(message));
        }
    }

    /**
     * {@code 2025-06-01T10:15:30.123Z DEBUG [main] io.github.chatsdk: brek --> POST ...}: the UTC
     * time, the level, the thread and the logger, then the entry. The client's level alone decides
     * what is written.
     */
    private static final class ToStderr extends LogOutput {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        @Override
        boolean isLoggable(System.Logger.Level level) {
            return true;
        }

        @Override
        void log(System.Logger.Level level, String message) {
            String line = oneLine(TIME.format(Instant.now()) + ' ' + level.name() + " ["
                    + Thread.currentThread().getName() + "] " + LogLevel.LOGGER_NAME + ": " + message);
            PrintStream err = System.err; // read each time: an application may have replaced it
            err.println(line); // one call: lines of concurrent calls do not interleave
        }
    }
}
