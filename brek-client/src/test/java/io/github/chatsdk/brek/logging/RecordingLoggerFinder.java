package io.github.chatsdk.brek.logging;

import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * A {@link System.LoggerFinder} of an application's own, as SLF4J's
 * {@code slf4j-jdk-platform-logging} or Log4j's {@code log4j-jpl} install one: it prints
 * {@code FINDER <level> <logger>: <message>} to stdout at every level. Only the fresh JVMs of
 * {@link LogOutputInAFreshJvmTest} register it (a service file on their class path).
 */
public final class RecordingLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new System.Logger() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                System.out.println("FINDER " + level + ' ' + name + ": " + msg);
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                System.out.println("FINDER " + level + ' ' + name + ": "
                        + (params == null || params.length == 0 ? format : java.text.MessageFormat.format(format, params)));
            }

            @Override
            public void log(Level level, Supplier<String> msgSupplier) {
                System.out.println("FINDER " + level + ' ' + name + ": " + msgSupplier.get());
            }
        };
    }
}
