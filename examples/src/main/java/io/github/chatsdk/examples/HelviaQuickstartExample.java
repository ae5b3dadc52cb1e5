package io.github.chatsdk.examples;

import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import io.github.chatsdk.helvia.HealthStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Helvia in a few calls: check the service is up, start a conversation with the agent's greeting,
 * and talk for three turns.
 *
 * <pre>
 * java -jar examples/target/chatsdk-examples.jar helvia-quickstart
 * HELVIA_BASE_URL=https://bot-v5.helvia.ai HELVIA_API_TOKEN=... HELVIA_HANDLE=... java -jar examples/target/chatsdk-examples.jar helvia-quickstart
 * </pre>
 */
public final class HelviaQuickstartExample {
    static final String USER = "user-123";
    static final List<String> TURNS = List.of(
            "Hello, I need help with time management",
            "Any tips against procrastination?",
            "Thanks, bye!");

    private HelviaQuickstartExample() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.getenv()));
    }

    /**
     * Runs the example.
     *
     * @param out where the conversation is printed
     * @param env the environment: {@code HELVIA_BASE_URL}, {@code HELVIA_API_TOKEN}, {@code HELVIA_HANDLE};
     *     without {@code HELVIA_BASE_URL} an embedded sandbox is used
     * @return the exit status: 0 on success, 1 after an SDK error
     */
    public static int run(PrintStream out, Map<String, String> env) {
        try (ExampleEnv where = ExampleEnv.helvia(out, env);
                HelviaClient helvia = HelviaClient.builder().fromEnv(where.env()).build()) {

            HealthStatus health = helvia.health().check();
            out.println("Helvia is " + (health.isOk() ? "up" : "answering") + " (status " + health.status().orElse("?")
                    + "). Talking to agent " + helvia.handle().orElse("(no handle: set HELVIA_HANDLE)")
                    + " as " + USER + ".");

            // One conversation = one end user: every turn carries the same sender id, so the agent
            // keeps the context. A conversation is not thread-safe: one turn at a time.
            HelviaConversation chat = helvia.conversation(USER);
            print(out, chat.start());          // the greeting postback {type: node, data: greeting}
            AgentReply last = null;
            for (String turn : TURNS) {
                out.println("you:   " + turn);
                last = chat.say(turn);
                print(out, last);
            }
            last.meta().requestId().ifPresent(id -> out.println("Request id of the last reply, for support: " + id));
            return 0;
        } catch (ChatSdkException e) {
            return ExampleEnv.fail(out, e);
        }
    }

    static void print(PrintStream out, AgentReply reply) {
        if (reply.texts().isEmpty()) {
            out.println("agent: (no text reply: " + reply.responses().size() + " other responses)");
        }
        for (String text : reply.texts()) {
            out.println("agent: " + text.replace("\n", "\n       "));
        }
    }
}
