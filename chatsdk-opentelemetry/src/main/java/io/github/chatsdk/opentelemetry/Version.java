package io.github.chatsdk.opentelemetry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The module's version (filtered into {@code version.properties} at build time), for the instrumentation scope. */
final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
