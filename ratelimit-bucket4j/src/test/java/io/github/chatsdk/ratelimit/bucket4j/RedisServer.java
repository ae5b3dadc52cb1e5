package io.github.chatsdk.ratelimit.bucket4j;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process (Debian's package, from the PATH) on a free loopback port,
 * without persistence ({@code --save '' --appendonly no}), started and stopped by the test. Its
 * log goes to {@code target/redis/redis-<port>.log}. Missing {@code redis-server} is a failure,
 * never a skip: {@code .ci/run} installs it.
 */
final class RedisServer implements AutoCloseable {
    private final Path executable;
    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path executable, Path dir, int port) {
        this.executable = executable;
        this.dir = dir;
        this.port = port;
    }

    /** Starts redis-server on a free loopback port. */
    static RedisServer start() {
        Path executable = find();
        Path dir = Paths.get("target", "redis").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IllegalStateException last = null;
        for (int tries = 0; tries < 3; tries++) {
            RedisServer server = new RedisServer(executable, dir, freePort());
            try {
                server.restart();
                return server;
            } catch (IllegalStateException e) {
                last = e; // the port was taken between the probe and redis-server's bind: another one
                server.stop();
            }
        }
        throw last;
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Paths.get(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("redis-server is not on the PATH (" + path + "): this test needs a real Redis."
                + " Install Debian's redis-server package (.ci/run does: apt-get install -y redis-server)");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts (again, after {@link #stop()}) on the same port, with an empty data set; waits until it answers PING. */
    synchronized void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Path log = dir.resolve("redis-" + port + ".log");
        List<String> command = List.of(executable.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
                "--logfile", log.toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-" + port + ".out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see " + log);
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20); // polling a starting process: there is no clock to inject
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 10 s; see " + log);
    }

    /** Whether a server answers PING on the port now (an inline command over a plain socket). */
    boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            s.setSoTimeout(500);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[7];
            int n = s.getInputStream().read(buf);
            return n >= 5 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL) and waits until the port refuses connections. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The server's own log, for the test report. */
    String log() {
        try {
            Path log = dir.resolve("redis-" + port + ".log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
