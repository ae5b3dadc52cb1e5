package io.github.chatsdk.examples;

import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.HelviaSandbox;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Where the clients of an example talk to. When the environment names a server
 * ({@code BREK_BASE_URL}, {@code HELVIA_BASE_URL}), that server with the credentials the
 * environment gives; otherwise an embedded sandbox of the test kit, started here on a free loopback
 * port, whose URL and credentials are added to the environment the clients are then built from
 * with {@code fromEnv(env())}. Closing it stops the sandboxes it started.
 */
final class ExampleEnv implements AutoCloseable {
    private final Map<String, String> env;
    private BrekSandbox brekSandbox;
    private HelviaSandbox helviaSandbox;

    private ExampleEnv(Map<String, String> env) {
        this.env = new HashMap<>(Objects.requireNonNull(env, "env == null"));
    }

    /** The Brek server of the environment, or an embedded sandbox; says which on {@code out}. */
    static ExampleEnv brek(PrintStream out, Map<String, String> env) {
        return new ExampleEnv(env).withBrek(out);
    }

    /** The Helvia server of the environment, or an embedded sandbox; says which on {@code out}. */
    static ExampleEnv helvia(PrintStream out, Map<String, String> env) {
        return new ExampleEnv(env).withHelvia(out);
    }

    /** Both servers of the environment, or embedded sandboxes; says which on {@code out}. */
    static ExampleEnv both(PrintStream out, Map<String, String> env) {
        ExampleEnv e = new ExampleEnv(env);
        try {
            return e.withBrek(out).withHelvia(out);
        } catch (RuntimeException failure) {
            e.close();
            throw failure;
        }
    }

    private ExampleEnv withBrek(PrintStream out) {
        if (isSet("BREK_BASE_URL")) {
            out.println("Using the Brek server at " + env.get("BREK_BASE_URL").trim() + " (BREK_BASE_URL)");
            return this;
        }
        brekSandbox = BrekSandbox.start();
        env.put("BREK_BASE_URL", brekSandbox.baseUrl());
        env.put("BREK_API_KEY", brekSandbox.apiKey());
        env.remove("BREK_AUTH_SCHEME");
        out.println("Using the embedded Brek sandbox at " + brekSandbox.baseUrl()
                + " (set BREK_BASE_URL and BREK_API_KEY to use a real server)");
        return this;
    }

    private ExampleEnv withHelvia(PrintStream out) {
        if (isSet("HELVIA_BASE_URL")) {
            out.println("Using the Helvia server at " + env.get("HELVIA_BASE_URL").trim() + " (HELVIA_BASE_URL)");
            return this;
        }
        helviaSandbox = HelviaSandbox.start();
        env.put("HELVIA_BASE_URL", helviaSandbox.baseUrl());
        env.put("HELVIA_API_TOKEN", helviaSandbox.token());
        env.put("HELVIA_HANDLE", helviaSandbox.handle());
        out.println("Using the embedded Helvia sandbox at " + helviaSandbox.baseUrl()
                + " (set HELVIA_BASE_URL, HELVIA_API_TOKEN and HELVIA_HANDLE to use a real server)");
        return this;
    }

    private boolean isSet(String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /** The environment to build clients from: the given one, plus an embedded sandbox's settings. */
    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** The embedded Brek sandbox, when no Brek server was configured: it can inject faults. */
    Optional<BrekSandbox> brekSandbox() {
        return Optional.ofNullable(brekSandbox);
    }

    /** The embedded Helvia sandbox, when no Helvia server was configured. */
    Optional<HelviaSandbox> helviaSandbox() {
        return Optional.ofNullable(helviaSandbox);
    }

    @Override
    public void close() {
        if (brekSandbox != null) {
            brekSandbox.close();
        }
        if (helviaSandbox != null) {
            helviaSandbox.close();
        }
    }

    /** Longest server message shown, as {@code getMessage()} clips it. */
    static final int MAX_MESSAGE = 300;
    /** Longest error code, request id or idempotency key shown, as {@code getMessage()} clips them. */
    static final int MAX_ID = 100;

    /**
     * The one line an example prints when an SDK call failed, naming the exception, the HTTP
     * status, the error code and the request id ({@code -} where there is none):
     * {@code Error: NotFoundException status=404 code=session_not_found requestId=f81d…: Session not found.}
     * What the server sent is clipped as the exception's {@code getMessage()} clips it (the message
     * to {@value #MAX_MESSAGE} characters, the code and the request id to {@value #MAX_ID}, each
     * followed by {@code ...} when clipped), so the line stays short whatever the server answers;
     * the whole text stays on the exception ({@code errorMessage()}, {@code rawBody()}).
     */
    static String describe(ChatSdkException e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        String message = e.getMessage();
        if (e instanceof ServiceException) {
            ServiceException s = (ServiceException) e;
            sb.append(" status=").append(s.statusCode())
                    .append(" code=").append(clip(s.errorCode().orElse("-"), MAX_ID))
                    .append(" requestId=").append(clip(s.requestId().orElse("-"), MAX_ID));
            message = s.errorMessage().map(m -> clip(m, MAX_MESSAGE)).orElse(message);
        } else {
            sb.append(" status=- code=- requestId=-");
        }
        e.idempotencyKey().ifPresent(k -> sb.append(" idempotencyKey=").append(clip(k, MAX_ID)));
        // getMessage() is the SDK's own text, which already clips what the server sent
        sb.append(": ").append(message == null ? "" : message);
        return sb.toString().replaceAll("[\\r\\n]+", " ");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** Prints the one error line for a failed example and returns its exit status, 1. */
    static int fail(PrintStream out, ChatSdkException e) {
        out.println("Error: " + describe(e));
        return 1;
    }

    /** The SDK exception behind a failed future ({@code CompletionException}, {@code ExecutionException}), if that is what failed. */
    static Optional<ChatSdkException> sdkCause(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ChatSdkException ? Optional.of((ChatSdkException) cause) : Optional.empty();
    }
}
