package io.github.chatsdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks, from the class path a test run really has, that it runs on the OkHttp line the build
 * meant it to: the unit tests run once on OkHttp 5 (what our poms declare) and once on OkHttp 4.12
 * (surefire execution {@code test-on-okhttp4} in chatsdk-parent, which swaps the jars). Without
 * this check a mistake in that swap would run the "4.12" tests on OkHttp 5 and prove nothing.
 *
 * <p>The expected version comes from the system property {@code chatsdk.test.okhttp.version}, set
 * by the surefire configuration of each run. Versions are read from the jars that hold the classes
 * (never from constants, which javac inlines from the OkHttp the code was compiled against).
 */
public abstract class AbstractOkHttpLineTest {
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+)\\.jar$");

    /** Creates the test. */
    protected AbstractOkHttpLineTest() {
    }

    /**
     * OkHttp's own version string, read reflectively from the loaded class, is the one the build
     * chose for this run.
     *
     * @throws ReflectiveOperationException if OkHttp has no version field
     */
    @Test
    public void theTestsRunOnTheOkHttpVersionTheBuildChoseForThisRun() throws ReflectiveOperationException {
        String expected = System.getProperty("chatsdk.test.okhttp.version");
        assertNotNull(expected, "surefire sets chatsdk.test.okhttp.version for every run");
        Object running = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
        assertEquals(expected, running, "OkHttp version on the test class path");
    }

    /**
     * OkHttp, Okio and the Kotlin standard library are each on the class path exactly once: the
     * swap removed the other line's jars instead of adding beside them.
     *
     * @throws IOException if the class path cannot be read
     */
    @Test
    public void okHttpOkioAndTheKotlinStdlibAreEachOnTheClassPathOnce() throws IOException {
        assertEquals(1, holders("okhttp3/OkHttpClient.class").size(), "jars with OkHttpClient: " + holders("okhttp3/OkHttpClient.class"));
        assertEquals(1, holders("okhttp3/mockwebserver/MockWebServer.class").size(),
                "jars with MockWebServer: " + holders("okhttp3/mockwebserver/MockWebServer.class"));
        assertEquals(1, holders("okio/Buffer.class").size(), "jars with okio.Buffer: " + holders("okio/Buffer.class"));
        assertEquals(1, holders("kotlin/Unit.class").size(), "jars with kotlin.Unit: " + holders("kotlin/Unit.class"));
    }

    /**
     * The Okio and Kotlin jars are those of the running OkHttp line: Okio 3.6 and Kotlin 1.x beside
     * OkHttp 4.12 (what Maven resolves for {@code okhttp:4.12.0}), Kotlin 2 beside OkHttp 5, so the
     * 4.12 run is a 4.12 world and not OkHttp 4.12 on top of OkHttp 5's Okio.
     *
     * @throws IOException if the class path cannot be read
     */
    @Test
    public void okioAndTheKotlinStdlibBelongToTheRunningOkHttpLine() throws IOException {
        String okhttp = jarVersion("okhttp3/OkHttpClient.class");
        String okio = jarVersion("okio/Buffer.class");
        String kotlin = jarVersion("kotlin/Unit.class");
        assertEquals(System.getProperty("chatsdk.test.okhttp.version"), okhttp, "version of the jar holding OkHttpClient");
        if (okhttp.startsWith("4.")) {
            assertTrue(okio.startsWith("3.6."), "okio beside OkHttp 4.12: " + okio);
            assertTrue(kotlin.startsWith("1."), "Kotlin stdlib beside OkHttp 4.12: " + kotlin);
        } else {
            assertTrue(major(kotlin) >= 2, "Kotlin stdlib beside OkHttp " + okhttp + ": " + kotlin);
            assertTrue(!okio.startsWith("3.6."), "okio beside OkHttp " + okhttp + ": " + okio);
        }
    }

    private static int major(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    private static List<String> holders(String resource) throws IOException {
        List<String> urls = new ArrayList<>();
        for (URL url : Collections.list(AbstractOkHttpLineTest.class.getClassLoader().getResources(resource))) {
            urls.add(url.toString());
        }
        return urls;
    }

    private static String jarVersion(String resource) throws IOException {
        List<String> holders = holders(resource);
        assertEquals(1, holders.size(), "jars with " + resource + ": " + holders);
        String url = holders.get(0);
        String jar = url.substring(0, url.indexOf("!/"));
        Matcher m = JAR_VERSION.matcher(jar);
        assertTrue(m.find(), "no version in the name of " + jar);
        return m.group(1);
    }
}
