package io.github.chatsdk.examples;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventKind;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.brek.ShortlistOption;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.IdempotencyKeys;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.Sleeper;
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.Fault;
import io.github.chatsdk.testkit.SandboxRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Retries and idempotency: the embedded sandbox injects faults (503s, a lost response, a 429)
 * and the example shows what the client does about them, and how a booking whose outcome is
 * unknown is resubmitted safely with the same idempotency key.
 *
 * <p>Against a real server ({@code BREK_BASE_URL} set) nothing can be injected: only the resubmit
 * with the same key runs (part 3), which any server must answer with the first result again.
 *
 * <pre>
 * java -jar examples/target/chatsdk-examples.jar brek-retries
 * </pre>
 */
public final class BrekRetriesExample {
    static final String ACTOR = "partner_user_001";
    static final String SEARCH = "Seattle 2 nights refundable";

    private BrekRetriesExample() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.getenv()));
    }

    /**
     * Runs the example.
     *
     * @param out where the steps are printed
     * @param env the environment: {@code BREK_BASE_URL}, {@code BREK_API_KEY}, {@code BREK_AUTH_SCHEME};
     *     without {@code BREK_BASE_URL} an embedded sandbox is used
     * @return the exit status: 0 on success, 1 after an SDK error
     */
    public static int run(PrintStream out, Map<String, String> env) {
        // The sleeper is what the client waits with between attempts; this one says so, then sleeps.
        Sleeper visibleSleeper = new Sleeper() {
            @Override
            public void sleep(Duration d) throws InterruptedException {
                out.println("   (the client waits " + d.toMillis() + " ms before retrying)");
                Sleeper.system().sleep(d);
            }

            @Override
            public CompletableFuture<Void> sleepAsync(Duration d) {
                out.println("   (the client waits " + d.toMillis() + " ms before retrying)");
                return Sleeper.system().sleepAsync(d);
            }
        };
        try (ExampleEnv where = ExampleEnv.brek(out, env);
                BrekClient brek = BrekClient.builder().fromEnv(where.env()).maxRetries(2).sleeper(visibleSleeper)
                        .build()) {
            Optional<BrekSandbox> sandbox = where.brekSandbox();

            if (sandbox.isPresent()) {
                retriedWithTheSameKey(out, brek, sandbox.get());
                lostResponseReplayed(out, brek, sandbox.get());
            }
            crashSafeResubmit(out, brek, sandbox);
            if (sandbox.isPresent()) {
                retryAfterHonoured(out, brek, sandbox.get());
            } else {
                out.println();
                out.println("Parts 1, 2 and 4 inject faults into the embedded sandbox: skipped against "
                        + brek.baseUrl() + ".");
            }
            return 0;
        } catch (ChatSdkException e) {
            return ExampleEnv.fail(out, e);
        }
    }

    /** Part 1: two 503s, then success; every attempt carries the same key, and one booking is made. */
    private static void retriedWithTheSameKey(PrintStream out, BrekClient brek, BrekSandbox sandbox) {
        out.println();
        out.println("1. The server fails twice (503), then answers: the booking is retried with the same"
                + " idempotency key");
        Shortlisted s = shortlisted(brek);
        sandbox.faults().nextStatus(503, 2);
        EventResult booked = brek.events().bookOption(s.sessionId, s.optionId);
        List<SandboxRequest> attempts = attemptsWithKey(sandbox, booked.idempotencyKey());
        out.println("   -> " + booked.status() + " after " + booked.meta().attempts() + " attempts; the sandbox"
                + " answered " + attempts.stream().map(r -> String.valueOf(r.responseStatus()))
                        .collect(Collectors.joining(", "))
                + " to key " + booked.idempotencyKey());
        out.println("   -> events recorded in the session: " + sandbox.recordedEventCount(s.sessionId)
                + " (the search and one booking)");
    }

    /** Part 2: the booking is applied but its response is lost; the retry is answered by a replay. */
    private static void lostResponseReplayed(PrintStream out, BrekClient brek, BrekSandbox sandbox) {
        out.println();
        out.println("2. The booking is applied but its response is lost (connection closed): the retry with the"
                + " same key gets the first answer again");
        Shortlisted s = shortlisted(brek);
        sandbox.faults().nextDisconnectAfterProcessing(1);
        EventResult booked = brek.events().bookOption(s.sessionId, s.optionId);
        out.println("   -> " + booked.status() + " after " + booked.meta().attempts() + " attempts"
                + booked.meta().header("idempotent-replayed").map(v -> ", replayed by the server (idempotent-replayed: "
                        + v + ")").orElse(""));
        out.println("   -> events recorded in the session: " + sandbox.recordedEventCount(s.sessionId)
                + " (the search and one booking)");
    }

    /**
     * Part 3: a deterministic key, no automatic retries, an outcome that is unknown; the resubmit
     * with the same key is applied at most once. Runs against any server.
     */
    private static void crashSafeResubmit(PrintStream out, BrekClient brek, Optional<BrekSandbox> sandbox) {
        out.println();
        out.println("3. A crash-safe resubmit: a deterministic idempotency key, and the same key when sending again");
        Shortlisted s = shortlisted(brek);
        String key = IdempotencyKeys.deterministic("retries", s.sessionId, "book", 1);
        SendEvent book = SendEvent.ofKind(s.sessionId, EventKind.ACTION_BOOK_OPTION).actorId(ACTOR)
                .payload(Map.of("optionId", s.optionId)).idempotencyKey(key);
        RequestOptions once = RequestOptions.builder().maxRetries(0).build();

        Optional<EventResult> first = Optional.empty();
        if (sandbox.isPresent()) {
            sandbox.get().faults().nextDisconnectAfterProcessing(1);
            out.println("   sending with key " + key + " and maxRetries(0); the response is lost (injected)");
            try {
                brek.events().send(book, once);
            } catch (ConnectionException e) {
                out.println("   -> " + ExampleEnv.describe(e));
                out.println("   -> outcomeUnknown: " + e.outcomeUnknown() + ": the booking may or may not exist");
            }
        } else {
            out.println("   sending with key " + key);
            first = Optional.of(brek.events().send(book, once));
            out.println("   -> " + first.get().status() + ", event " + first.get().eventId());
        }

        out.println("   sending again with the same key");
        EventResult again = brek.events().send(book, once);
        out.println("   -> " + again.status() + ", event " + again.eventId()
                + again.meta().header("idempotent-replayed").map(v -> " (idempotent-replayed: " + v + ")").orElse(""));
        first.ifPresent(f -> out.println("   -> the same event as the first send: " + f.eventId().equals(again.eventId())));
        sandbox.ifPresent(sb -> out.println("   -> events recorded in the session: " + sb.recordedEventCount(s.sessionId)
                + " (the search and one booking)"));
    }

    /** Part 4: a 429 with {@code Retry-After: 1}: the client waits exactly that long, then retries. */
    private static void retryAfterHonoured(PrintStream out, BrekClient brek, BrekSandbox sandbox) {
        out.println();
        out.println("4. Rate limited (429 with Retry-After: 1, injected): the client waits as told, then retries");
        Session session = brek.sessions().create(CreateSession.forActor(ACTOR));
        sandbox.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(1)), 1);
        EventResult found = brek.events().sendText(session.sessionId(), ACTOR, SEARCH);
        out.println("   -> " + found.status() + " after " + found.meta().attempts() + " attempts"
                + found.meta().rateLimit().map(rl -> "; " + rl.remaining().orElse(-1) + " of " + rl.limit().orElse(-1)
                        + " requests left this minute").orElse(""));
    }

    private static List<SandboxRequest> attemptsWithKey(BrekSandbox sandbox, String key) {
        return sandbox.requests().stream().filter(r -> r.idempotencyKey().orElse("").equals(key))
                .collect(Collectors.toList());
    }

    /** A new session with a shortlist, and the option to book. */
    private static Shortlisted shortlisted(BrekClient brek) {
        Session session = brek.sessions().create(CreateSession.forActor(ACTOR));
        List<ShortlistOption> options = brek.events().sendText(session.sessionId(), ACTOR, SEARCH).shortlist();
        if (options.isEmpty()) {
            throw new IllegalStateException("The search \"" + SEARCH + "\" found nothing to book");
        }
        return new Shortlisted(session.sessionId(), options.get(0).optionId());
    }

    private static final class Shortlisted {
        final String sessionId;
        final String optionId;

        Shortlisted(String sessionId, String optionId) {
            this.sessionId = sessionId;
            this.optionId = optionId;
        }
    }
}
