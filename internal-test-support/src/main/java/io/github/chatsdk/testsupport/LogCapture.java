package io.github.chatsdk.testsupport;

import io.github.chatsdk.core.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what chatsdk logs through {@link System.Logger} {@value LogLevel#LOGGER_NAME}, with the
 * JDK's default backend (java.util.logging), at every level, and keeps it off the console.
 * Close it to restore the logger.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.start()) {
 *     client.call();
 *     assertFalse(log.text().contains(apiKey));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousUseParent;
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        logger = Logger.getLogger(LogLevel.LOGGER_NAME);
        previousLevel = logger.getLevel();
        previousUseParent = logger.getUseParentHandlers();
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Every captured line, each prefixed with its java.util.logging level (INFO, FINE). */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** All captured lines joined with newlines. */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
    }
}
