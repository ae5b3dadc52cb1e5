package io.github.chatsdk.examples;

import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import io.github.chatsdk.helvia.HelviaMessage;
import io.github.chatsdk.helvia.HelviaSender;
import io.github.chatsdk.helvia.PostbackType;
import io.github.chatsdk.helvia.ReplyItem;
import io.github.chatsdk.testkit.HelviaSandbox;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a Helvia message: reply metadata (which flow nodes answered), texts with the
 * Markdown stripped, session tags, the answer language, sender details, contexts and a
 * timestamp, and an action postback.
 *
 * <pre>
 * java -jar examples/target/chatsdk-examples.jar helvia-options
 * </pre>
 */
public final class HelviaOptionsExample {
    static final String USER = "user-456";

    private HelviaOptionsExample() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.getenv()));
    }

    /**
     * Runs the example.
     *
     * @param out where the replies are printed
     * @param env the environment: {@code HELVIA_BASE_URL}, {@code HELVIA_API_TOKEN}, {@code HELVIA_HANDLE};
     *     without {@code HELVIA_BASE_URL} an embedded sandbox is used
     * @return the exit status: 0 on success, 1 after an SDK error
     */
    public static int run(PrintStream out, Map<String, String> env) {
        try (ExampleEnv where = ExampleEnv.helvia(out, env);
                HelviaClient helvia = HelviaClient.builder().fromEnv(where.env()).build()) {
            Optional<HelviaSandbox> sandbox = where.helviaSandbox();

            out.println();
            out.println("1. Metadata: which flow nodes and responses answered (includeMetadata)");
            String question = "Hello, I need help with time management";
            out.println("   you:      " + question);
            AgentReply reply = helvia.messages().send(HelviaMessage.text(question).sender(USER)
                    .includeMetadata(true)
                    .includeStrippedMarkdown(true));
            out.println("   nodes:    " + reply.nodeIds());
            out.println("   response ids: " + reply.responseIds());

            out.println();
            out.println("2. The same reply with its Markdown stripped, for channels that cannot show it"
                    + " (includeStrippedMarkdown)");
            List<String> stripped = reply.strippedMarkdownTexts();
            int i = 0;
            for (ReplyItem item : reply.responses()) {
                if (item.isText()) {
                    out.println("   markdown: " + indent(String.join("\n", item.options())));   // as the agent wrote it
                    out.println("   stripped: " + (i < stripped.size() ? indent(stripped.get(i)) : "(not sent)"));
                    i++;
                }
            }

            out.println();
            out.println("3. Tags on the user's session (tagOperations): add vip and beta, then remove beta");
            HelviaConversation chat = helvia.conversation(USER);
            chat.addTags("vip", "beta").say("I keep losing focus");     // the tags go with the next message
            sandbox.ifPresent(sb -> out.println("   the sandbox's tags of " + USER + ": " + sb.tags(USER)));
            chat.removeTags("beta").say("Thanks");
            sandbox.ifPresent(sb -> out.println("   the sandbox's tags of " + USER + ": " + sb.tags(USER)));
            if (sandbox.isEmpty()) {
                out.println("   sent; the Helvia console shows the session's tags");
            }

            out.println();
            out.println("4. The language of the answers (language DE): the greeting in German");
            print(out, helvia.conversation("user-789").language("DE").start());

            out.println();
            out.println("5. Everything a message can carry: sender details, contexts, a timestamp; then an action"
                    + " postback");
            AgentReply full = helvia.messages().send(HelviaMessage.text("help")
                    .sender(HelviaSender.of("user-321").name("John Doe").email("john@example.com"))
                    .contexts("from-mobile-app")
                    .timestamp(Instant.now())
                    .language("EN"));
            print(out, full);
            AgentReply action = helvia.messages().send(HelviaMessage.postback(PostbackType.ACTION,
                    List.of(Map.of("type", "handover", "reason", "user asked for a human")))
                    .sender("user-321"));
            print(out, action);
            return 0;
        } catch (ChatSdkException e) {
            return ExampleEnv.fail(out, e);
        }
    }

    private static void print(PrintStream out, AgentReply reply) {
        for (String text : reply.texts()) {
            out.println("   agent: " + text.replace("\n", "\n          "));
        }
    }

    private static String indent(String text) {
        return text.replace("\n", "\n             ");
    }
}
