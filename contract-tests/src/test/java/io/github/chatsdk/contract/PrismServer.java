package io.github.chatsdk.contract;

import io.github.chatsdk.testsupport.SpecValidator;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Stoplight Prism process serving one of the unmodified specs on a free loopback port. Started
 * by the tests themselves and stopped afterwards (the process and its children). Without the
 * Prism installed by {@code npm ci} the suite fails with a message that says how to install it:
 * it is never silently skipped.
 */
final class PrismServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private PrismServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** {@code prism mock} on a spec file of {@code specs/}. */
    static PrismServer mock(String specFile, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("mock"));
        args.add(SpecValidator.specsDir().resolve(specFile).toString());
        args.addAll(List.of(extraArgs));
        return start("mock-" + specFile, args);
    }

    /** {@code prism proxy --errors} validating the traffic to {@code upstream} against a spec. */
    static PrismServer proxy(String specFile, String upstream) {
        List<String> args = new ArrayList<>(List.of("proxy", "--errors"));
        args.add(SpecValidator.specsDir().resolve(specFile).toString());
        args.add(upstream);
        return start("proxy-" + specFile, args);
    }

    private static PrismServer start(String name, List<String> args) {
        Path bin = prismBinary();
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(bin.toString());
        command.addAll(args);
        command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port)));
        Path logDir = Paths.get(System.getProperty("chatsdk.prism.logs", "target/prism-logs"));
        Path log = logDir.resolve(name + "-" + port + ".log");
        try {
            Files.createDirectories(logDir);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("NO_COLOR", "1");
            Process process = pb.start();
            PrismServer server = new PrismServer(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Prism: " + e.getMessage(), e);
        }
    }

    private static Path prismBinary() {
        String configured = System.getProperty("chatsdk.prism.bin");
        Path bin = configured != null ? Paths.get(configured) : Paths.get("node_modules", ".bin", "prism");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("Stoplight Prism is not installed at " + bin.toAbsolutePath()
                    + ". The contract suite needs Node 20+ and npm on the PATH: the build runs `npm ci` in "
                    + "contract-tests/ (pinned @stoplight/prism-cli 5.14.2 from package-lock.json). "
                    + "Install Node 20 and rerun `mvn -B verify`.");
        }
        return bin;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited with " + process.exitValue() + ": " + tail());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                if (logSays("Prism is listening") || logSays("listening on")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Prism did not start within " + STARTUP + ": " + tail());
    }

    private boolean logSays(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The log so far (last 4 KB), for failure messages. */
    String tail() {
        try {
            String s = Files.readString(log);
            return s.length() > 4096 ? s.substring(s.length() - 4096) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Whole log, for assertions on what Prism reported. */
    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    File logFile() {
        return log.toFile();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
