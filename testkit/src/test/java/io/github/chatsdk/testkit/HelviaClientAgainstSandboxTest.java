package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.Sleeper;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import io.github.chatsdk.helvia.HelviaError;
import io.github.chatsdk.helvia.HelviaMessage;
import io.github.chatsdk.helvia.PostbackType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Helvia facade of this project against the sandbox, end to end: a conversation from the
 * greeting through several turns with metadata, language and tags, the auth errors told apart,
 * and injected faults (a message is never resent once it may have arrived; health checks are).
 */
class HelviaClientAgainstSandboxTest {
    @RegisterExtension
    static final HelviaSandboxExtension HELVIA = new HelviaSandboxExtension(
            HelviaSandbox.builder().token("test-token", "coach", "coach-staging").token("other-token", "other-agent"));

    final List<Duration> sleeps = new ArrayList<>();

    HelviaClient client(HelviaSandbox helvia) {
        return HelviaClient.builder().apiToken("test-token").handle("coach").baseUrl(helvia.baseUrl())
                .sleeper(Sleeper.of(sleeps::add)).build();
    }

    @AfterEach
    void everyExchangeConforms() {
        SpecChecks.assertLogConforms(SpecChecks.HELVIA, false, HELVIA.sandbox().requests());
    }

    static HelviaMessage withMetadata(String text) {
        return HelviaMessage.text(text).includeMetadata(true).includeStrippedMarkdown(true);
    }

    @Test
    void aConversationFromTheGreetingThroughThreeTurnsWithMetadata(HelviaSandbox helvia) {
        try (HelviaClient client = client(helvia)) {
            HelviaConversation chat = client.conversation("user-123");

            AgentReply greeting = chat.send(HelviaMessage.greeting().includeMetadata(true));
            AgentReply time = chat.send(withMetadata("Hello, I need help with time management"));
            AgentReply procrastination = chat.send(withMetadata("I procrastinate a lot"));
            AgentReply bye = chat.send(withMetadata("Thanks, bye!"));

            assertEquals(List.of("Hi! I'm the Productivity Coach.", "How can I help you today?"), greeting.texts());
            assertEquals(List.of("greeting"), greeting.nodeIds());
            assertEquals(List.of("time_management"), time.nodeIds());
            assertEquals(List.of("procrastination"), procrastination.nodeIds());
            assertEquals(List.of("goodbye"), bye.nodeIds());
            for (AgentReply r : List.of(greeting, time, procrastination, bye)) {
                assertEquals(r.responses().stream().map(i -> i.id().orElseThrow()).collect(Collectors.toList()),
                        r.responseIds(), "the ids of the responses, in order");
                assertTrue(r.responseIds().stream().allMatch(id -> id.matches("TX_[0-9a-f-]{36}")), r.responseIds().toString());
            }
            assertEquals(List.of("Goodbye! Have a productive day."), bye.strippedMarkdownTexts());
            assertTrue(time.strippedMarkdownTexts().stream().noneMatch(t -> t.contains("**")), time.toString());
            assertTrue(time.responses().get(0).options().get(0).startsWith("**Time management**"));
            assertTrue(greeting.strippedMarkdownTexts().isEmpty(), "not asked for");

            assertEquals(4, helvia.requests().size());
            for (SandboxRequest r : helvia.requests()) {
                assertEquals("user-123", r.jsonString("sender.id").orElseThrow(), r.toString());
                assertEquals("coach", r.jsonString("handle").orElseThrow());
                assertEquals("Bearer test-token", r.header("authorization").orElseThrow());
            }
            assertEquals(List.of("user-123"), helvia.senderIds());
        }
    }

    @Test
    void theSameReplyHasTheSameIdsInEveryConversation(HelviaSandbox helvia) {
        try (HelviaClient client = client(helvia)) {
            AgentReply a = client.conversation("a").send(withMetadata("How can I focus?"));
            AgentReply b = client.conversation("b").send(withMetadata("How can I focus?"));
            assertEquals(a.responseIds(), b.responseIds());
            assertEquals(a.texts(), b.texts());
        }
    }

    @Test
    void languageAndTagsFollowTheConversationAndAPerMessageHandleWins(HelviaSandbox helvia) {
        try (HelviaClient client = client(helvia)) {
            HelviaConversation chat = client.conversation("user-de").language("DE");
            assertEquals(List.of("Hallo! Ich bin der Productivity Coach.", "Wie kann ich Ihnen heute helfen?"),
                    chat.start().texts());
            chat.addTags("vip", "beta").say("Hilfe");
            assertEquals(Set.of("vip", "beta"), helvia.tags("user-de"));
            chat.removeTags("beta").say("Tschüss");
            assertEquals(Set.of("vip"), helvia.tags("user-de"));
            assertEquals("DE", helvia.language("user-de").orElseThrow());

            AgentReply staging = chat.send(HelviaMessage.postback(PostbackType.NODE, "focus").handle("coach-staging"));
            assertEquals("## Focus\n- Silence notifications\n- Work in **25-minute** blocks",
                    staging.responses().get(0).options().get(0));
            assertEquals("coach-staging", helvia.requests().get(3).jsonString("handle").orElseThrow());
            AgentReply actions = chat.postback(PostbackType.ACTION, List.of(Map.of("type", "handover"), Map.of("type", "close")));
            assertEquals("Done: 2 actions received.", actions.text());
        }
    }

    @Test
    void authErrorsAreToldApart(HelviaSandbox helvia) {
        try (HelviaClient wrongToken = HelviaClient.builder().apiToken("expired").handle("coach").baseUrl(helvia.baseUrl()).build();
                HelviaClient foreignHandle = HelviaClient.builder().apiToken("other-token").handle("coach")
                        .baseUrl(helvia.baseUrl()).build()) {
            AuthenticationException invalid = assertThrows(AuthenticationException.class,
                    () -> wrongToken.conversation("u").start());
            assertEquals(HelviaError.Reason.INVALID_TOKEN, HelviaError.reasonOf(invalid));
            assertEquals(1, invalid.attempts());

            PermissionDeniedException foreign = assertThrows(PermissionDeniedException.class,
                    () -> foreignHandle.conversation("u").say("hi"));
            assertEquals(HelviaError.Reason.UNKNOWN_PRINCIPAL, HelviaError.reasonOf(foreign));
            assertTrue(wrongToken.health().check().isOk(), "health needs no token");
        }
    }

    @Test
    void aFailedTurnIsNotResentAndKeepsItsQueuedTagsForTheNextTurn(HelviaSandbox helvia) {
        try (HelviaClient client = client(helvia)) {
            HelviaConversation chat = client.conversation("user-t").addTags("vip");
            helvia.faults().nextStatus(503);

            InternalServerException e = assertThrows(InternalServerException.class, () -> chat.say("hello"));
            assertEquals(1, e.attempts(), "a message is not idempotent: a 503 is not retried");
            assertEquals(List.of("vip"), chat.pendingTagsToAdd());
            assertEquals(Set.of(), helvia.tags("user-t"));

            chat.say("hello again");
            assertEquals(Set.of("vip"), helvia.tags("user-t"));
            assertEquals(List.of(), chat.pendingTagsToAdd());
            assertEquals(2, helvia.requests().size());
            assertTrue(sleeps.isEmpty());
        }
    }

    @Test
    void aMessageIsNotResentOnceItMayHaveArrived(HelviaSandbox helvia) {
        try (HelviaClient client = client(helvia)) {
            helvia.faults().nextDisconnect(1);
            ConnectionException e = assertThrows(ConnectionException.class, () -> client.conversation("u").say("hi"));
            assertTrue(e.outcomeUnknown());
            assertEquals(1, helvia.requests().size());
        }
    }

    @Test
    void anInjected429IsWaitedOutAndTheMessageIsResentOnce(HelviaSandbox helvia) {
        try (HelviaClient client = client(helvia)) {
            helvia.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(5)), 1);
            client.conversation("u").say("hi");
            assertEquals(List.of(Duration.ofSeconds(5)), sleeps);
            assertEquals(List.of(429, 200), helvia.requests().stream().map(SandboxRequest::responseStatus)
                    .collect(Collectors.toList()));
        }
    }

    @Test
    void healthChecksAreRetriedThroughFaults(HelviaSandbox helvia) {
        try (HelviaClient client = client(helvia)) {
            helvia.faults().nextStatus(503).nextDisconnect(1);
            assertTrue(client.health().check().isOk());
            assertEquals(List.of(503, 0, 200), helvia.requests().stream().map(r -> r.responseDelivered()
                    ? r.responseStatus() : 0).collect(Collectors.toList()));
            assertEquals(2, sleeps.size());
        }
    }

    @Test
    void conversationsInParallelOnOneClientKeepTheirOwnLanguage(HelviaSandbox helvia) throws Exception {
        List<String> languages = List.of("EN", "DE", "EL", "EN", "DE", "EL", "EN", "DE");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (HelviaClient client = client(helvia)) {
            List<Future<List<String>>> greetings = new ArrayList<>();
            for (int i = 0; i < languages.size(); i++) {
                HelviaConversation chat = client.conversation("user-" + i).language(languages.get(i));
                greetings.add(pool.submit(() -> {
                    chat.start();
                    return chat.say("bye").texts();
                }));
            }
            for (int i = 0; i < languages.size(); i++) {
                String goodbye = greetings.get(i).get().get(0);
                switch (languages.get(i)) {
                    case "DE":
                        assertTrue(goodbye.startsWith("Auf Wiedersehen"), goodbye);
                        break;
                    case "EL":
                        assertTrue(goodbye.startsWith("Αντίο"), goodbye);
                        break;
                    default:
                        assertTrue(goodbye.startsWith("Goodbye"), goodbye);
                }
                assertEquals(languages.get(i), helvia.language("user-" + i).orElseThrow());
            }
            assertEquals(16, helvia.requests().size());
            assertFalse(helvia.requests().stream().anyMatch(r -> r.responseStatus() != 200));
        } finally {
            pool.shutdownNow();
        }
    }
}
