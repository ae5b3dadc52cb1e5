package io.github.chatsdk.testkit;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The oldest Gson the test kit (and the clients) run on, checked when a sandbox starts: on an
 * older Gson a sandbox would fail inside its request threads, and a client would see only a
 * dropped connection. Gson 2.8.9 is the floor the chatsdk artifacts are built and tested for.
 */
final class GsonFloor {
    /** The oldest Gson version the chatsdk artifacts support. */
    static final String MINIMUM = "2.8.9";

    /** A class Gson added in {@value #MINIMUM} (the clients read numbers with it). */
    private static final String PROBE = "com.google.gson.ToNumberPolicy";

    private GsonFloor() {
    }

    /**
     * Refuses to start a sandbox on a Gson older than {@value #MINIMUM}.
     *
     * @throws IllegalStateException naming the Gson found and the one needed
     */
    static void check() {
        check(isPresent(PROBE), version());
    }

    static void check(boolean floorClassPresent, String foundVersion) {
        if (!floorClassPresent) {
            throw new IllegalStateException("The chatsdk test kit needs Gson " + MINIMUM + " or newer, but Gson "
                    + foundVersion + " is on the class path: manage com.google.code.gson:gson to " + MINIMUM
                    + " or newer in your build");
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Gson.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Gson's version from its jar's Maven metadata; {@code "(version unknown)"} when it has none. */
    static String version() {
        try (InputStream in = Gson.class.getResourceAsStream(
                "/META-INF/maven/com.google.code.gson/gson/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
