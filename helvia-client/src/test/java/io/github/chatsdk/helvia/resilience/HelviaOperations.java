package io.github.chatsdk.helvia.resilience;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HealthStatus;
import io.github.chatsdk.helvia.HelviaMessage;
import io.github.chatsdk.testsupport.AsyncOperations;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.OperationUnderTest;

/** The two Helvia operations as the fault smoke run drives them. */
final class HelviaOperations {
    /** A JWT-shaped token, unmistakable in a log. */
    static final String API_TOKEN = "eyJhbGciOiJIUzI1NiJ9.cmVzaWxpZW5jZQ.helvia-secret-7c41d9";
    static final String HANDLE = "my-agent-handle";

    static final String REPLY_BODY = "{\"status\":\"ok\",\"result\":{\"responses\":[{\"id\":\"r1\",\"type\":\"text\","
            + "\"options\":[\"Hi! I'm the Productivity Coach.\"]}],\"responsesIds\":[\"r1\"],\"nodesIds\":[\"n1\"]}}";
    static final String HEALTH_BODY = "{\"status\":\"ok\"}";

    private HelviaOperations() {
    }

    static HelviaClient client(ClientSettings settings) {
        return settings.applyTo(HelviaClient.builder()).apiToken(API_TOKEN).handle(HANDLE).build();
    }

    /** {@code POST /api/events}: a message is not idempotent, resent only when it was never delivered. */
    static final OperationUnderTest<HelviaClient, AgentReply> SEND = new OperationUnderTest<>() {
        @Override
        public HelviaClient newClient(ClientSettings settings) {
            return client(settings);
        }

        @Override
        public AgentReply call(HelviaClient client, RequestOptions options) {
            return client.messages().send(HelviaMessage.text("Hello, I need help with time management").sender("user-123"),
                    options);
        }

        @Override
        public String successBody() {
            return REPLY_BODY;
        }

        @Override
        public boolean retrySafe() {
            return false;
        }

        @Override
        public ResponseMeta metaOf(AgentReply result) {
            return result.meta();
        }

        @Override
        public String credential() {
            return API_TOKEN;
        }

        @Override
        public String credentialHeader() {
            return "Authorization";
        }
    };

    /** {@code GET /api/events}: the health check, retry-safe and sent without credential. */
    static final OperationUnderTest<HelviaClient, HealthStatus> HEALTH = new OperationUnderTest<>() {
        @Override
        public HelviaClient newClient(ClientSettings settings) {
            return client(settings);
        }

        @Override
        public HealthStatus call(HelviaClient client, RequestOptions options) {
            return client.health().check(options);
        }

        @Override
        public String successBody() {
            return HEALTH_BODY;
        }

        @Override
        public boolean retrySafe() {
            return true;
        }

        @Override
        public ResponseMeta metaOf(HealthStatus result) {
            return result.meta();
        }

        @Override
        public String credential() {
            return null;
        }

        @Override
        public String credentialHeader() {
            return null;
        }
    };

    /** The asynchronous twins, driven through {@code client.async()}. */
    static final OperationUnderTest<HelviaClient, AgentReply> SEND_ASYNC = AsyncOperations.of(SEND,
            (client, options) -> client.async().messages().send(
                    HelviaMessage.text("Hello, I need help with time management").sender("user-123"), options));
    static final OperationUnderTest<HelviaClient, HealthStatus> HEALTH_ASYNC = AsyncOperations.of(HEALTH,
            (client, options) -> client.async().health().check(options));
}
