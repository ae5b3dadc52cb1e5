package io.github.chatsdk.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher of {@code chatsdk-examples.jar}.
 *
 * <pre>
 * java -jar examples/target/chatsdk-examples.jar             # a short tour: a conversation with each API
 * java -jar examples/target/chatsdk-examples.jar --list      # the examples
 * java -jar examples/target/chatsdk-examples.jar brek-errors # one example
 * </pre>
 *
 * Each example talks to the server named in the environment ({@code BREK_BASE_URL},
 * {@code HELVIA_BASE_URL} and their credentials) or, without it, to an embedded sandbox.
 */
public final class ExamplesMain {
    /** A runnable example: its name on the command line, what it shows, and how to run it. */
    static final class Example {
        final String name;
        final Class<?> type;
        final String description;
        final Runner runner;

        Example(String name, Class<?> type, String description, Runner runner) {
            this.name = name;
            this.type = type;
            this.description = description;
            this.runner = runner;
        }

        int run(PrintStream out, Map<String, String> env) {
            return runner.run(out, env);
        }
    }

    /** The {@code run(PrintStream, Map)} method of an example. */
    @FunctionalInterface
    interface Runner {
        int run(PrintStream out, Map<String, String> env);
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("brek-quickstart", BrekQuickstartExample.class,
                    "Brek: session, search, book with an idempotency key, pay, history", BrekQuickstartExample::run),
            new Example("brek-errors", BrekErrorHandlingExample.class,
                    "Brek: each typed exception with its status, code and request id", BrekErrorHandlingExample::run),
            new Example("brek-retries", BrekRetriesExample.class,
                    "Brek: retries with backoff, a lost response replayed, a crash-safe resubmit, Retry-After",
                    BrekRetriesExample::run),
            new Example("helvia-quickstart", HelviaQuickstartExample.class,
                    "Helvia: health check, greeting and three turns", HelviaQuickstartExample::run),
            new Example("helvia-options", HelviaOptionsExample.class,
                    "Helvia: metadata, stripped Markdown, tags, language, sender details, action postbacks",
                    HelviaOptionsExample::run),
            new Example("async", AsyncExample.class,
                    "Both APIs at once: parallel Brek searches and Helvia conversations with CompletableFuture",
                    AsyncExample::run));

    /** The examples the tour runs, in order. */
    static final List<String> TOUR = List.of("brek-quickstart", "helvia-quickstart");

    private ExamplesMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.getenv()));
    }

    /**
     * Runs the launcher.
     *
     * @param args nothing (the tour), {@code --list}, {@code --help} or an example's name
     * @param out where everything is printed
     * @param env the environment the examples read
     * @return the exit status: 0 on success, 1 after an SDK error, 2 for a bad command line
     */
    public static int run(String[] args, PrintStream out, Map<String, String> env) {
        if (args.length == 0) {
            return tour(out, env);
        }
        if (args.length > 1) {
            out.println("Give one example name, or none for the tour.");
            usage(out);
            return 2;
        }
        String arg = args[0];
        if (arg.equals("--list") || arg.equals("-l")) {
            list(out);
            return 0;
        }
        if (arg.equals("--help") || arg.equals("-h")) {
            usage(out);
            return 0;
        }
        Optional<Example> example = find(arg);
        if (example.isEmpty()) {
            out.println("Unknown example: " + arg);
            usage(out);
            return 2;
        }
        return example.get().run(out, env);
    }

    /** An example by its name, or by its class name ({@code BrekQuickstartExample}), in any case. */
    static Optional<Example> find(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return EXAMPLES.stream()
                .filter(e -> e.name.equals(n) || e.type.getSimpleName().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    private static int tour(PrintStream out, Map<String, String> env) {
        out.println("chatsdk tour: a short conversation with each API. More: java -jar chatsdk-examples.jar --list");
        for (String name : TOUR) {
            Example e = find(name).orElseThrow();
            out.println();
            out.println("== " + e.name + ": " + e.description + " ==");
            int status = e.run(out, env);
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    private static void list(PrintStream out) {
        for (Example e : EXAMPLES) {
            out.println(String.format("%-18s %s", e.name, e.description));
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar chatsdk-examples.jar [--list | <example>]");
        out.println("Without arguments: a short tour of both APIs (" + String.join(", ", TOUR) + ").");
        out.println("Examples:");
        for (Example e : EXAMPLES) {
            out.println(String.format("  %-18s %s", e.name, e.description));
        }
        out.println("Environment: BREK_BASE_URL, BREK_API_KEY, BREK_AUTH_SCHEME, HELVIA_BASE_URL, HELVIA_API_TOKEN,");
        out.println("HELVIA_HANDLE, CHATSDK_LOG. Without a base URL an example starts an embedded sandbox.");
    }
}
