package io.github.chatsdk.it.common;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.HelviaSandbox;
import java.util.concurrent.TimeUnit;

/**
 * The calls every consumer project makes, against the test kit's sandboxes: a Brek session and an
 * event, and a Helvia conversation, each once synchronously and once asynchronously. Shared by the
 * projects under src/it (added to each as a source folder); no JUnit, so that the module-path
 * project can run it from its main class. Failures are {@link AssertionError}s.
 */
public final class ConsumerCalls {
    private static final String ACTOR = "partner_user_001";

    private ConsumerCalls() {
    }

    /** A Brek session created and a text event sent, sync and async; the sandbox saw both events. */
    public static void brekSessionAndEvent() throws Exception {
        try (BrekSandbox sandbox = BrekSandbox.start();
                BrekClient brek = BrekClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            Session session = brek.sessions().create(CreateSession.forActor(ACTOR));
            EventResult search = brek.events().sendText(session.sessionId(), ACTOR, "Seattle Mar 20-23 1 room refundable");
            check("shortlist".equals(search.status()), "sync event: status shortlist, was " + search.status());
            check(!search.shortlist().isEmpty(), "sync event: a shortlist");

            Session asyncSession = brek.async().sessions().create(CreateSession.forActor(ACTOR)).get(30, TimeUnit.SECONDS);
            EventResult asyncSearch = brek.async().events()
                    .sendText(asyncSession.sessionId(), ACTOR, "Seattle Mar 20-23 1 room refundable").get(30, TimeUnit.SECONDS);
            check("shortlist".equals(asyncSearch.status()), "async event: status shortlist, was " + asyncSearch.status());
            check(!asyncSession.sessionId().equals(session.sessionId()), "two sessions");

            check(sandbox.recordedEventCount(session.sessionId()) == 1, "the sandbox recorded the sync event");
            check(sandbox.recordedEventCount(asyncSession.sessionId()) == 1, "the sandbox recorded the async event");
        }
        System.out.println("[consumer] Brek: session + event, sync and async: ok");
    }

    /** A Helvia conversation started and a message sent, sync and async; the sandbox saw the tag. */
    public static void helviaMessage() throws Exception {
        try (HelviaSandbox sandbox = HelviaSandbox.start();
                HelviaClient helvia = HelviaClient.builder().apiToken(sandbox.token()).handle(sandbox.handle())
                        .baseUrl(sandbox.baseUrl()).build()) {
            HelviaConversation chat = helvia.conversation("user-sync").addTags("consumer");
            AgentReply greeting = chat.start();
            check(!greeting.texts().isEmpty(), "sync start: a greeting");
            AgentReply reply = chat.say("Hello, I need help with time management");
            check(!reply.responses().isEmpty(), "sync say: a reply");

            HelviaConversation asyncChat = helvia.conversation("user-async");
            AgentReply asyncGreeting = asyncChat.async().start().get(30, TimeUnit.SECONDS);
            check(!asyncGreeting.texts().isEmpty(), "async start: a greeting");
            AgentReply asyncReply = asyncChat.async().say("Hello, I need help with time management").get(30, TimeUnit.SECONDS);
            check(!asyncReply.responses().isEmpty(), "async say: a reply");

            check(sandbox.tags("user-sync").contains("consumer"), "the sandbox recorded the tag");
        }
        System.out.println("[consumer] Helvia: start + message, sync and async: ok");
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
