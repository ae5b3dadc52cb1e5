package firstprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's first program (copied into src/main/java) in a fresh JVM with an empty
 * environment, on this project's class path (the installed chatsdk artifacts), and compares what it
 * prints with the README ({@code …} stands for any text within a line).
 */
class FirstProgramRunsTest {
    @Test
    void theReadmesFirstProgramRunsGreenWithNoEnvironmentVariables() throws Exception {
        Properties props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/first-program.properties")) {
            props.load(in);
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/expected-output.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertTrue(classPath.contains("brek-client-"), "the installed brek-client is on the class path: " + classPath);

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, props.getProperty("mainClass"));
        pb.environment().clear();
        pb.redirectErrorStream(false);
        Path err = Files.createTempFile("first-program", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the program ended");
        System.out.println("README " + props.getProperty("readme") + " printed:\n" + out);
        assertEquals(0, p.exitValue(), "exit status; stderr:\n" + Files.readString(err));

        List<String> want = lines(expected);
        List<String> got = lines(out);
        assertEquals(want.size(), got.size(), "lines printed:\n" + out);
        for (int i = 0; i < want.size(); i++) {
            assertTrue(pattern(want.get(i)).matcher(got.get(i)).matches(),
                    "line " + (i + 1) + ": README shows \"" + want.get(i) + "\", printed \"" + got.get(i) + "\"");
        }
    }

    private static Pattern pattern(String line) {
        StringBuilder re = new StringBuilder();
        String[] parts = line.split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            re.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
