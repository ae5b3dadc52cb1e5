package io.github.chatsdk.core.internal;

import java.io.InputStream;
import java.util.Properties;

/** Builds {@code chatsdk-java/<version> (<product>; Java <version>; <os> <arch>)}. Holds no credential. */
public final class UserAgent {
    /** The SDK version, from the build. */
    public static final String SDK_VERSION = loadVersion();

    private UserAgent() {
    }

    public static String of(String product) {
        return "chatsdk-java/" + SDK_VERSION + " (" + product + "; Java " + System.getProperty("java.version")
                + "; " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }

    private static String loadVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
