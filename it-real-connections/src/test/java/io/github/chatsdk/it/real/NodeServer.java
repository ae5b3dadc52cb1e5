package io.github.chatsdk.it.real;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A test server in its own Node process (one of the scripts in {@code src/test/node}), started on
 * a free loopback port and stopped by {@link #close()}. Everything the tests assert about delivery
 * comes from the server's own log (see {@code common.js}): the lines it writes to stdout are
 * collected here as they arrive and copied to {@code target/server-logs/NAME.log}.
 *
 * <p>Reading the log is asynchronous, so before counting, a test calls {@link #sync()}: the server
 * answers the command on the same stream, after every line it wrote before.
 */
final class NodeServer implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long WAIT_SECONDS = 20;

    private final String name;
    private final Process process;
    private final Writer commands;
    private final List<JsonObject> events = new ArrayList<>();
    private final Writer logFile;
    private final AtomicInteger syncs = new AtomicInteger();
    private final String scheme;
    private int port;
    private JsonObject listening;

    private NodeServer(String name, Process process, Writer logFile, String scheme) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.scheme = scheme;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code script} with {@code args} and waits until it listens.
     *
     * @param name the log's name
     * @param scheme {@code http} or {@code https}
     */
    static NodeServer start(String name, String scheme, String script, String... args) {
        Path scripts = Paths.get(System.getProperty("chatsdk.node.scripts", "src/test/node"));
        Path logs = Paths.get(System.getProperty("chatsdk.server.logs", "target/server-logs"));
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("chatsdk.node", "node"));
        command.add(scripts.resolve(script).toString());
        command.addAll(Arrays.asList(args));
        try {
            Files.createDirectories(logs);
            File stderr = logs.resolve(name + ".stderr.log").toFile();
            Process p = new ProcessBuilder(command).redirectError(stderr).start();
            Writer log = Files.newBufferedWriter(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
            NodeServer server = new NodeServer(name, p, log, scheme);
            Thread reader = new Thread(server::readLog, "node-log-" + name);
            reader.setDaemon(true);
            reader.start();
            JsonObject listening = server.await(e -> "listening".equals(type(e)), START_TIMEOUT_SECONDS,
                    "the server to listen");
            server.port = listening.get("port").getAsInt();
            server.listening = listening;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command + " (is Node on the PATH?)", e);
        }
    }

    private void readLog() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (logFile) {
                    logFile.write(line);
                    logFile.write('\n');
                    logFile.flush();
                }
                JsonObject event;
                try {
                    event = JsonParser.parseString(line).getAsJsonObject();
                } catch (RuntimeException e) {
                    event = new JsonObject();
                    event.addProperty("event", "unparsed");
                    event.addProperty("line", line);
                }
                synchronized (events) {
                    events.add(event);
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    static String type(JsonObject e) {
        JsonElement t = e.get("event");
        return t == null ? "" : t.getAsString();
    }

    /** Waits for the first logged event that matches. */
    JsonObject await(Predicate<JsonObject> condition, long seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (events) {
            while (true) {
                for (JsonObject e : events) {
                    if (condition.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && events.stream().noneMatch(condition)) {
                    throw new AssertionError("timed out waiting for " + what + " from " + name + " (alive: "
                            + process.isAlive() + "); its log so far:\n" + logText());
                }
                try {
                    events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private void send(JsonObject command) {
        try {
            synchronized (commands) {
                commands.write(command.toString());
                commands.write('\n');
                commands.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the server " + name + " is gone", e);
        }
    }

    /** Returns once the server has logged everything it did before this call. */
    void sync() {
        int n = syncs.incrementAndGet();
        JsonObject c = new JsonObject();
        c.addProperty("cmd", "sync");
        c.addProperty("n", n);
        send(c);
        await(e -> "sync".equals(type(e)) && e.get("n").getAsInt() == n, WAIT_SECONDS, "sync " + n);
    }

    /**
     * Plans what the server does with the next requests of {@code call} (see {@code common.js});
     * returns once the server has the plan.
     *
     * @param actions strings ("ok", "drop", "refuse", "hold", "goaway") or JSON objects ({"status":429})
     */
    void plan(String call, Object... actions) {
        int n = syncs.incrementAndGet();
        JsonObject c = new JsonObject();
        c.addProperty("cmd", "plan");
        c.addProperty("call", call);
        c.addProperty("n", n);
        JsonArray a = new JsonArray();
        for (Object action : actions) {
            if (action instanceof JsonElement) {
                a.add((JsonElement) action);
            } else {
                a.add(String.valueOf(action));
            }
        }
        c.add("actions", a);
        send(c);
        await(e -> "planned".equals(type(e)) && e.get("n").getAsInt() == n, WAIT_SECONDS, "plan " + n);
    }

    /** The action that answers with 429, with a {@code Retry-After} in seconds or none ({@code null}). */
    static JsonObject rateLimited(String retryAfter) {
        JsonObject o = new JsonObject();
        o.addProperty("status", 429);
        if (retryAfter != null) {
            o.addProperty("retryAfter", retryAfter);
        }
        return o;
    }

    /** The action that answers with a server error ({@code status} 500 to 504). */
    static JsonObject serverError(int status) {
        JsonObject o = new JsonObject();
        o.addProperty("status", status);
        return o;
    }

    int port() {
        return port;
    }

    /** What the server said when it started listening (its port, its idle policy, Node's version). */
    JsonObject listening() {
        return listening;
    }

    /** {@code http(s)://127.0.0.1:PORT}. */
    String baseUrl() {
        return scheme + "://127.0.0.1:" + port;
    }

    /** The logged events of one type (after a {@link #sync()}, complete up to it). */
    List<JsonObject> events(String type) {
        synchronized (events) {
            return events.stream().filter(e -> type.equals(type(e))).collect(Collectors.toList());
        }
    }

    /** The requests of one call that arrived at the server (refused ones included). */
    List<JsonObject> requests(String call) {
        return events("request").stream().filter(e -> call.equals(string(e, "call"))).collect(Collectors.toList());
    }

    /** How many times the server applied a request of {@code call}. */
    long processed(String call) {
        return events("processed").stream().filter(e -> call.equals(string(e, "call"))).count();
    }

    static String string(JsonObject e, String member) {
        JsonElement v = e.get(member);
        return v == null || v.isJsonNull() ? null : v.getAsString();
    }

    /** The whole log so far, for failure messages. */
    String logText() {
        synchronized (events) {
            return events.stream().map(JsonObject::toString).collect(Collectors.joining("\n"));
        }
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            commands.close(); // the server exits when its stdin ends
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            synchronized (logFile) {
                logFile.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
