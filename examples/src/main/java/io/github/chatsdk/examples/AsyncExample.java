package io.github.chatsdk.examples;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.ShortlistOption;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Both APIs at once: four Brek searches (each in its own session) and three Helvia conversations
 * run concurrently through the clients' async API ({@code brek.async()}, {@code chat.async()}),
 * composed with {@link CompletableFuture}. No thread waits per call: OkHttp's dispatcher sends
 * them and the futures complete when the answers arrive. One client per API is shared by all of
 * them: clients are thread-safe. A {@link HelviaConversation} is not, so each conversation's turns
 * are chained one after the other with {@code thenCompose}.
 *
 * <pre>
 * java -jar examples/target/chatsdk-examples.jar async
 * </pre>
 */
public final class AsyncExample {
    static final String ACTOR = "partner_user_001";
    static final List<String> CITIES = List.of("Seattle", "New York", "Lisbon", "Tokyo");
    static final List<List<String>> USERS = List.of(
            List.of("user-a", "How do I manage my time better?"),
            List.of("user-b", "I procrastinate a lot"),
            List.of("user-c", "How can I focus?"));

    private AsyncExample() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.getenv()));
    }

    /**
     * Runs the example.
     *
     * @param out where the results are printed
     * @param env the environment of both clients; without {@code BREK_BASE_URL} or
     *     {@code HELVIA_BASE_URL} an embedded sandbox is used for that API
     * @return the exit status: 0 on success, 1 after an SDK error
     */
    public static int run(PrintStream out, Map<String, String> env) {
        try (ExampleEnv where = ExampleEnv.both(out, env);
                BrekClient brek = BrekClient.builder().fromEnv(where.env()).build();
                HelviaClient helvia = HelviaClient.builder().fromEnv(where.env()).build()) {
            out.println(CITIES.size() + " Brek searches and " + USERS.size()
                    + " Helvia conversations at the same time, through the async API");

            // Brek: create a session, then search in it; each city on its own.
            List<CompletableFuture<String>> searches = new ArrayList<>();
            for (String city : CITIES) {
                searches.add(brek.async().sessions().create(CreateSession.forActor(ACTOR))
                        .thenCompose(session -> brek.async().events().sendText(session.sessionId(), ACTOR,
                                city + " 2 nights cheapest"))
                        .thenApply(result -> result.shortlist().isEmpty() ? result.messageText()
                                : cheapest(result.shortlist().get(0))));
            }

            // Helvia: the greeting, then the question, in order, for each user.
            List<CompletableFuture<String>> chats = new ArrayList<>();
            for (List<String> user : USERS) {
                HelviaConversation chat = helvia.conversation(user.get(0));
                chats.add(chat.async().start()
                        .thenCompose(greeting -> chat.async().say(user.get(1)))
                        .thenApply(AsyncExample::firstLine));
            }

            List<CompletableFuture<String>> all = new ArrayList<>(searches);
            all.addAll(chats);
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).join();   // waits for all of them

            out.println("Brek, the cheapest stay of 2 nights per city:");
            for (int i = 0; i < CITIES.size(); i++) {
                out.println(String.format("  %-9s %s", CITIES.get(i), searches.get(i).join()));
            }
            out.println("Helvia, each user's question and the agent's answer:");
            for (int i = 0; i < USERS.size(); i++) {
                out.println("  " + USERS.get(i).get(0) + ": " + USERS.get(i).get(1));
                out.println("  agent:  " + chats.get(i).join());
            }
            return 0;
        } catch (ChatSdkException e) {
            return ExampleEnv.fail(out, e);
        } catch (CompletionException e) {
            // a failed future wraps the SDK's exception
            return ExampleEnv.fail(out, ExampleEnv.sdkCause(e).orElseThrow(() -> e));
        }
    }

    private static String cheapest(ShortlistOption o) {
        return String.format("%-22s %s %s", o.name().orElse("?"),
                o.totalPrice().map(p -> p.toPlainString()).orElse("?"), o.currency().orElse(""));
    }

    private static String firstLine(AgentReply reply) {
        String text = reply.text();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}
