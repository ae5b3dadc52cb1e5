package io.github.chatsdk.examples;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventKind;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.brek.SessionSnapshot;
import io.github.chatsdk.brek.ShortlistOption;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.IdempotencyKeys;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Brek in a few calls: create a session, search for a hotel, book the first option with an
 * idempotency key, pay with the card on file, and read the session's history.
 *
 * <pre>
 * java -jar examples/target/chatsdk-examples.jar brek-quickstart
 * BREK_BASE_URL=https://www.brek.ai BREK_API_KEY=... java -jar examples/target/chatsdk-examples.jar brek-quickstart
 * </pre>
 */
public final class BrekQuickstartExample {
    static final String ACTOR = "partner_user_001";
    static final String SEARCH = "Seattle Mar 20-23 1 room refundable";

    private BrekQuickstartExample() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.getenv()));
    }

    /**
     * Runs the example.
     *
     * @param out where the conversation is printed
     * @param env the environment: {@code BREK_BASE_URL}, {@code BREK_API_KEY}, {@code BREK_AUTH_SCHEME};
     *     without {@code BREK_BASE_URL} an embedded sandbox is used
     * @return the exit status: 0 on success, 1 after an SDK error
     */
    public static int run(PrintStream out, Map<String, String> env) {
        try (ExampleEnv where = ExampleEnv.brek(out, env);
                BrekClient brek = BrekClient.builder().fromEnv(where.env()).build()) {

            Session session = brek.sessions().create(CreateSession.forActor(ACTOR).timezoneOffsetMinutes(-480));
            out.println("Session " + session.sessionId() + " for " + session.actorId()
                    + session.partnerId().map(p -> " (partner " + p + ")").orElse(""));

            out.println("you:  " + SEARCH);
            EventResult found = brek.events().sendText(session.sessionId(), ACTOR, SEARCH);
            say(out, found);
            List<ShortlistOption> shortlist = found.shortlist();
            for (int i = 0; i < shortlist.size(); i++) {
                out.println("      " + (i + 1) + ". " + describe(shortlist.get(i)));
            }
            if (shortlist.isEmpty()) {
                out.println("Nothing to book.");
                return 0;
            }

            // A write: the key is sent on every attempt, so a retry can never book twice. A
            // deterministic key can be recomputed after a crash; without one the client makes one up.
            ShortlistOption choice = shortlist.get(0);
            String key = IdempotencyKeys.deterministic("quickstart", session.sessionId(), "book", 1);
            out.println("you:  book option 1, " + choice.name().orElse(choice.optionId()) + " (idempotency key " + key + ")");
            EventResult booking = brek.events().send(SendEvent.ofKind(session.sessionId(), EventKind.ACTION_BOOK_OPTION)
                    .actorId(ACTOR)
                    .payload(Map.of("optionId", choice.optionId()))
                    .idempotencyKey(key));
            say(out, booking);

            if (booking.status().equals("payment_required")) {
                out.println("you:  pay with the card on file");
                say(out, brek.events().confirmPaymentCard(session.sessionId(), Map.of()));
            }

            SessionSnapshot history = brek.sessions().get(session.sessionId());
            out.println("History: " + history.events().stream()
                    .map(e -> e.kind().map(EventKind::value).orElse("?") + " -> " + e.resultStatus().orElse("?"))
                    .collect(Collectors.joining(", ")));
            out.println("Request id of the booking, for support: " + booking.meta().requestId().orElse("-"));
            history.meta().rateLimit().ifPresent(rl -> out.println("Rate limit: " + rl.remaining().orElse(-1)
                    + " of " + rl.limit().orElse(-1) + " requests left this minute"));
            return 0;
        } catch (ChatSdkException e) {
            return ExampleEnv.fail(out, e);
        }
    }

    private static void say(PrintStream out, EventResult r) {
        out.println("brek: " + r.messageText() + " [" + r.status() + "]");
    }

    static String describe(ShortlistOption o) {
        return String.format("%-20s %10s %s total, %s/night, %s, rating %s",
                o.name().orElse("?"),
                o.totalPrice().map(p -> p.toPlainString()).orElse("?"),
                o.currency().orElse(""),
                o.pricePerNight().map(p -> p.toPlainString()).orElse("?"),
                o.refundable().map(r -> r ? "refundable" : "non-refundable").orElse("refundability unknown"),
                o.rating().map(String::valueOf).orElse("-"));
    }
}
