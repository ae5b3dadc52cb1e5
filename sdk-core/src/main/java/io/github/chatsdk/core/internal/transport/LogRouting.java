package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.LogLevel;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Whether the application has routed {@link System.Logger} somewhere: then its configuration
 * governs the client's entries; otherwise a client with a log level writes its own one-line entries
 * to stderr ({@link LogOutput}). Asked once per client, when it is built.
 *
 * <p>Routed means any of: a {@link System.LoggerFinder} that is not the JDK's (SLF4J's
 * {@code slf4j-jdk-platform-logging}, Log4j's {@code log4j-jpl}, ...); a java.util.logging
 * configuration named by a system property ({@code java.util.logging.config.file},
 * {@code .config.class}, {@code .manager}, {@code java.util.logging.SimpleFormatter.format}) or a
 * {@link LogManager} of another class (Log4j's {@code log4j-jul}, JBoss LogManager); or, in code, a
 * level, a handler or {@code useParentHandlers(false)} on logger {@value LogLevel#LOGGER_NAME} or
 * an ancestor, or a root logger that is not the JDK's default (one {@link ConsoleHandler} at INFO
 * with a {@link SimpleFormatter}), which is what {@code SLF4JBridgeHandler.install()} and Spring
 * Boot change.
 */
final class LogRouting {
    /** The system properties that configure java.util.logging. */
    private static final List<String> JUL_PROPERTIES = List.of("java.util.logging.config.file",
            "java.util.logging.config.class", "java.util.logging.manager", "java.util.logging.SimpleFormatter.format");

    private LogRouting() {
    }

    /**
     * @return what routed {@link System.Logger}, for the record, or {@code null} when it is the JDK's
     *         unconfigured default
     */
    static String routedBy() {
        System.LoggerFinder finder;
        try {
            finder = System.LoggerFinder.getLoggerFinder();
        } catch (SecurityException e) {
            return "a security manager that hides the System.LoggerFinder";
        }
        Module module = finder.getClass().getModule();
        String name = module.getName();
        boolean jdk = module.getLayer() == ModuleLayer.boot() && name != null
                && (name.startsWith("java.") || name.startsWith("jdk."));
        if (!jdk) {
            return "System.LoggerFinder " + finder.getClass().getName();
        }
        // java.base's own finder is the JDK's simple console logger: nothing an application configures
        return "java.logging".equals(name) ? julConfiguredBy() : null;
    }

    /** @return what configured java.util.logging for the chatsdk logger, or {@code null} when nothing did */
    private static String julConfiguredBy() {
        try {
            for (String p : JUL_PROPERTIES) {
                if (System.getProperty(p) != null) {
                    return "system property " + p;
                }
            }
            LogManager manager = LogManager.getLogManager();
            if (manager.getClass() != LogManager.class) {
                return "LogManager " + manager.getClass().getName();
            }
            for (Logger l = Logger.getLogger(LogLevel.LOGGER_NAME); l != null; l = l.getParent()) {
                if (l.getParent() != null) {
                    if (l.getLevel() != null || l.getHandlers().length > 0 || !l.getUseParentHandlers()) {
                        return "java.util.logging logger " + l.getName();
                    }
                } else if (!isJdkDefaultRoot(l)) {
                    return "java.util.logging root logger";
                }
            }
            return null;
        } catch (SecurityException e) {
            return "a security manager that hides the java.util.logging configuration";
        }
    }

    private static boolean isJdkDefaultRoot(Logger root) {
        Handler[] handlers = root.getHandlers();
        if (root.getLevel() != Level.INFO || handlers.length != 1) {
            return false;
        }
        Handler h = handlers[0];
        return h.getClass() == ConsoleHandler.class && h.getLevel() == Level.INFO && h.getFilter() == null
                && h.getFormatter() != null && h.getFormatter().getClass() == SimpleFormatter.class;
    }
}
