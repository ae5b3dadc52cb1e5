package io.github.chatsdk.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.chatsdk.core.LogLevel;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Which configurations count as the application's, in this JVM's java.util.logging (the fresh-JVM
 * cases, with no configuration at all, a logging.properties and a LoggerFinder, are in brek-client's
 * {@code LogOutputInAFreshJvmTest}).
 */
class LogRoutingTest {
    /** The surefire run on OkHttp 4.12 names a logging.properties; the default run names none. */
    private static final String CONFIG_FILE = System.getProperty("java.util.logging.config.file");

    private static String unconfigured() {
        return CONFIG_FILE == null ? null : "system property java.util.logging.config.file";
    }

    @Test
    void theJdksUnconfiguredJavaUtilLoggingIsNotTheApplicationsUnlessAConfigFileIsNamed() {
        assertEquals(unconfigured(), LogRouting.routedBy());
    }

    @Test
    void aHandlerOnTheRootLoggerAsSlf4jBridgeHandlerInstallsItRoutesTheEntriesToSystemLogger() {
        Logger root = Logger.getLogger("");
        Handler bridge = new NullHandler();
        root.addHandler(bridge);
        try {
            assertEquals(CONFIG_FILE == null ? "java.util.logging root logger" : unconfigured(), LogRouting.routedBy());
        } finally {
            root.removeHandler(bridge);
        }
        assertEquals(unconfigured(), LogRouting.routedBy());
    }

    @Test
    void aLevelOnAnAncestorOfTheChatsdkLoggerRoutesTheEntriesToSystemLogger() {
        Logger io = Logger.getLogger("io.github");
        io.setLevel(Level.FINE);
        try {
            assertEquals(CONFIG_FILE == null ? "java.util.logging logger io.github" : unconfigured(), LogRouting.routedBy());
        } finally {
            io.setLevel(null);
        }
    }

    @Test
    void aChatsdkLoggerMutedInCodeStaysMutedRatherThanFallingBackToStderr() {
        Logger chatsdk = Logger.getLogger(LogLevel.LOGGER_NAME);
        chatsdk.setUseParentHandlers(false);
        try {
            assertSame(LogOutput.SYSTEM_LOGGER, LogOutput.forLevel(LogLevel.DEBUG));
        } finally {
            chatsdk.setUseParentHandlers(true);
        }
    }

    @Test
    void offNeverWritesToStderr() {
        assertSame(LogOutput.SYSTEM_LOGGER, LogOutput.forLevel(LogLevel.OFF));
    }

    @Test
    void everyEntryIsMadeOneLineWithItsControlCharactersEscaped() {
        assertEquals("a body: {\\n  \"x\": 1\\r\\n} \\u001b[0m\tend\\u2028",
                LogOutput.oneLine("a body: {\n  \"x\": 1\r\n} \u001b[0m\tend\u2028"));
        String plain = "brek GET http://127.0.0.1/x -> 200";
        assertSame(plain, LogOutput.oneLine(plain));
    }

    private static final class NullHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
