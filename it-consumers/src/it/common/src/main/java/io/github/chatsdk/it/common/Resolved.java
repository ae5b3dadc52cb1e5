package io.github.chatsdk.it.common;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * What a consumer build resolved, read from the running JVM rather than from Maven: the jars
 * that hold a class (every copy the application class loader can see), and the versions the
 * loaded classes report. Printed into the build log by {@link #print()}.
 */
public final class Resolved {
    private Resolved() {
    }

    /** The file names of the jars (or the directories) that hold a class file, in class-path order. */
    public static List<String> jarsHolding(String classFile) {
        try {
            List<String> out = new ArrayList<>();
            for (URL url : Collections.list(ClassLoader.getSystemClassLoader().getResources(classFile))) {
                String s = url.toString();
                int bang = s.indexOf("!/");
                String location = bang >= 0 ? s.substring(0, bang) : s.substring(0, s.length() - classFile.length());
                out.add(location.substring(location.lastIndexOf('/', location.length() - 2) + 1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OkHttp's own version constant. */
    public static String okhttp() {
        return okhttp3.OkHttp.VERSION;
    }

    /** The Kotlin standard library's version. */
    public static String kotlin() {
        return kotlin.KotlinVersion.CURRENT.toString();
    }

    /** Gson's version, from its jar's Maven metadata. */
    public static String gson() {
        try (InputStream in = Gson.class.getResourceAsStream("/META-INF/maven/com.google.code.gson/gson/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the versions and the jars holding OkHttp, Okio, Kotlin and Gson classes. */
    public static void print() {
        System.out.println("[consumer] OkHttp " + okhttp() + ", kotlin-stdlib " + kotlin() + ", Gson " + gson()
                + ", Java " + System.getProperty("java.version"));
        for (String classFile : List.of("okhttp3/OkHttpClient.class", "okio/Buffer.class", "kotlin/KotlinVersion.class",
                "com/google/gson/Gson.class")) {
            System.out.println("[consumer] " + classFile + " in " + jarsHolding(classFile));
        }
    }

    /**
     * Checks that exactly one jar holds OkHttp's classes and that it is the one named.
     *
     * @param jarFileName such as {@code okhttp-jvm-5.5.1.jar}
     */
    public static void oneOkHttp(String jarFileName) {
        List<String> jars = jarsHolding("okhttp3/OkHttpClient.class");
        ConsumerCalls.check(jars.equals(List.of(jarFileName)),
                "exactly one jar holds okhttp3/OkHttpClient.class, " + jarFileName + ": " + jars);
    }
}
