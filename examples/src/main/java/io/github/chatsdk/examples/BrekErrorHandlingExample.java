package io.github.chatsdk.examples;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.BrekError;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ConflictException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.Fault;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of Brek error, provoked on purpose and caught as its typed exception: each shows its
 * class, HTTP status, error code and request id. Errors a real server cannot be made to return on
 * demand (401, 429, 5xx) are injected into the embedded sandbox, and skipped against a real server.
 *
 * <pre>
 * java -jar examples/target/chatsdk-examples.jar brek-errors
 * </pre>
 */
public final class BrekErrorHandlingExample {
    static final String OWNER = "partner_user_001";

    private BrekErrorHandlingExample() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.getenv()));
    }

    /**
     * Runs the example.
     *
     * @param out where the errors are printed
     * @param env the environment: {@code BREK_BASE_URL}, {@code BREK_API_KEY}, {@code BREK_AUTH_SCHEME};
     *     without {@code BREK_BASE_URL} an embedded sandbox is used
     * @return the exit status: 0 when every error came out as expected, 1 after an unexpected SDK error
     */
    public static int run(PrintStream out, Map<String, String> env) {
        try (ExampleEnv where = ExampleEnv.brek(out, env);
                BrekClient brek = BrekClient.builder().fromEnv(where.env()).build()) {
            Optional<BrekSandbox> sandbox = where.brekSandbox();
            Session session = brek.sessions().create(CreateSession.forActor(OWNER));
            out.println("Session " + session.sessionId() + " belongs to " + OWNER + ".");
            // These calls fail on purpose: fail fast instead of retrying (the default is 2 retries).
            RequestOptions once = RequestOptions.builder().maxRetries(0).build();

            section(out, "1. A session that does not exist", "brek.sessions().get(\"sess_does_not_exist\")");
            try {
                brek.sessions().get("sess_does_not_exist");
                unexpectedSuccess(out);
            } catch (NotFoundException e) {
                show(out, e);
                BrekError.from(e).ifPresent(body -> out.println("   body: " + body.shape() + " shape, details "
                        + body.details().map(Object::toString).orElse("-")));
            }

            section(out, "2. Someone other than the session's owner", "sendText(sessionId, \"someone_else\", ...)");
            try {
                brek.events().sendText(session.sessionId(), "someone_else", "Seattle Mar 20-23");
                unexpectedSuccess(out);
            } catch (ConflictException e) {
                show(out, e);
            }

            section(out, "3. A key the server does not know", "BrekClient.builder()...apiKey(\"not-a-valid-key\")");
            try (BrekClient stranger = BrekClient.builder().fromEnv(where.env()).apiKey("not-a-valid-key").build()) {
                stranger.sessions().create(CreateSession.forActor(OWNER));
                unexpectedSuccess(out);
            } catch (PermissionDeniedException | AuthenticationException e) {
                show(out, e);
            }

            section(out, "4. Bad input is refused before anything is sent", "sendText(sessionId, OWNER, \"  \")");
            try {
                brek.events().sendText(session.sessionId(), OWNER, "  ");
                unexpectedSuccess(out);
            } catch (InvalidInputException e) {
                show(out, e);
                out.println("   field: " + e.field());
            }
            try {
                BrekClient.builder().baseUrl(brek.baseUrl()).build();     // no apiKey(...), no BREK_API_KEY
                unexpectedSuccess(out);
            } catch (InvalidInputException e) {
                show(out, e);
            }

            section(out, "5. Nobody listening", "a client whose base URL is a closed port");
            try (BrekClient nowhere = BrekClient.builder().fromEnv(where.env()).baseUrl(closedPort()).build()) {
                nowhere.sessions().get(session.sessionId(), once);
                unexpectedSuccess(out);
            } catch (ConnectionException e) {
                show(out, e);
                out.println("   outcomeUnknown: " + e.outcomeUnknown() + " (the request certainly did not arrive)");
            }

            if (sandbox.isEmpty()) {
                out.println();
                out.println("6-8. 401, 429 and 5xx are injected into the embedded sandbox: skipped against "
                        + brek.baseUrl() + ".");
                return 0;
            }
            BrekSandbox faults = sandbox.get();

            section(out, "6. No key arrived (401, injected: the client always sends one, so a real 401 means"
                    + " a proxy dropped it)", "sandbox.faults().nextStatus(401)");
            faults.faults().nextStatus(401);
            try {
                brek.sessions().get(session.sessionId(), once);
                unexpectedSuccess(out);
            } catch (AuthenticationException e) {
                show(out, e);
            }

            section(out, "7. Too many requests (429 with Retry-After: 30, injected)",
                    "sandbox.faults().next(Fault.status(429).retryAfter(30 s), 1)");
            faults.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(30)), 1);
            try {
                brek.sessions().get(session.sessionId(), once);
                unexpectedSuccess(out);
            } catch (RateLimitException e) {
                show(out, e);
                out.println("   retryAfter: " + e.retryAfter().map(Duration::toString).orElse("-")
                        + ", limit " + e.rateLimit().map(rl -> rl.limit().orElse(-1) + ", remaining "
                                + rl.remaining().orElse(-1)).orElse("-")
                        + " (with retries on, the client would wait and try again)");
            }

            section(out, "8. The server failed (503, injected)", "sandbox.faults().nextStatus(503)");
            faults.faults().nextStatus(503);
            try {
                brek.events().send(SendEvent.text(session.sessionId(), OWNER, "Tokyo 2 nights"), once);
                unexpectedSuccess(out);
            } catch (InternalServerException e) {
                show(out, e);
                out.println("   resubmit with idempotency key " + e.idempotencyKey().orElse("-")
                        + ": the server applies it at most once");
            }
            return 0;
        } catch (ChatSdkException e) {
            return ExampleEnv.fail(out, e);
        }
    }

    private static void section(PrintStream out, String what, String how) {
        out.println();
        out.println(what + ": " + how);
    }

    private static void show(PrintStream out, ChatSdkException e) {
        out.println("   -> " + ExampleEnv.describe(e));
        if (e instanceof ServiceException && ((ServiceException) e).attempts() > 1) {
            out.println("   attempts: " + e.attempts());
        }
    }

    private static void unexpectedSuccess(PrintStream out) {
        out.println("   -> no error: this server accepted it");
    }

    /** A loopback URL where nothing listens: a free port, closed again at once. */
    private static String closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
