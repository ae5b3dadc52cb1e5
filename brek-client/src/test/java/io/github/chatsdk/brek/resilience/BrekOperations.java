package io.github.chatsdk.brek.resilience;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.brek.SessionSnapshot;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.testsupport.AsyncOperations;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.OperationUnderTest;
import java.util.Optional;
import okhttp3.mockwebserver.RecordedRequest;

/** The Brek operations as the fault smoke run and the resilience tests drive them. */
final class BrekOperations {
    /** Long enough to be scrubbed from any text, and unmistakable in a log. */
    static final String API_KEY = "brek_live_5f3a9c1e77d2";

    static final String EVENT_BODY = "{\"data\":{\"sessionId\":\"sess_1\",\"event\":{\"id\":\"evt_1\","
            + "\"kind\":\"search_query\"},\"result\":{\"traceId\":\"t1\",\"status\":\"shortlist\","
            + "\"message\":{\"text\":\"Here are 3 hotels\"},\"artifacts\":{\"shortlist\":[{\"optionId\":\"o1\"}]}}}}";
    static final String SESSION_BODY = "{\"data\":{\"sessionId\":\"sess_1\",\"tenantId\":\"demo-tenant\","
            + "\"channel\":{\"type\":\"partner_api\",\"workspaceId\":\"ws\"},\"conversation\":{\"id\":\"c:sess_1\","
            + "\"channelId\":\"c\",\"threadTs\":\"sess_1\"},\"actor\":{\"actorId\":\"partner_user_001\","
            + "\"timezoneOffsetMinutes\":-480},\"createdAt\":\"2026-02-18T23:22:33.407Z\","
            + "\"updatedAt\":\"2026-02-18T23:22:33.407Z\",\"events\":[]}}";
    static final String SNAPSHOT_BODY = "{\"data\":{\"sessionId\":\"sess_1\",\"tenantId\":\"demo-tenant\","
            + "\"actor\":{\"actorId\":\"partner_user_001\"},\"events\":[{\"eventId\":\"evt_1\",\"kind\":\"search_query\","
            + "\"resultStatus\":\"shortlist\",\"recordedAt\":\"2026-02-18T23:22:46.998Z\"}]}}";

    private BrekOperations() {
    }

    static BrekClient client(ClientSettings settings) {
        return settings.applyTo(BrekClient.builder()).apiKey(API_KEY).build();
    }

    /** The idempotency key in a recorded event request's body. */
    static String keyOf(RecordedRequest request) {
        JsonElement key = JsonParser.parseString(request.getBody().clone().readUtf8()).getAsJsonObject()
                .get("idempotencyKey");
        return key == null || key.isJsonNull() ? null : key.getAsString();
    }

    private abstract static class Base<R> implements OperationUnderTest<BrekClient, R> {
        @Override
        public BrekClient newClient(ClientSettings settings) {
            return client(settings);
        }

        @Override
        public String credential() {
            return API_KEY;
        }

        @Override
        public String credentialHeader() {
            return "x-partner-api-key";
        }
    }

    /** {@code POST /events}: retried after delivery, because every event carries an idempotency key. */
    static final OperationUnderTest<BrekClient, EventResult> SEND_EVENT = new Base<>() {
        @Override
        public EventResult call(BrekClient client, RequestOptions options) {
            return client.events().send(SendEvent.text("sess_1", "partner_user_001", "Seattle Mar 20-23"), options);
        }

        @Override
        public String successBody() {
            return EVENT_BODY;
        }

        @Override
        public boolean retrySafe() {
            return true;
        }

        @Override
        public ResponseMeta metaOf(EventResult result) {
            return result.meta();
        }

        @Override
        public String keySent(RecordedRequest request) {
            return keyOf(request);
        }

        @Override
        public Optional<String> keyReported(EventResult result) {
            return Optional.of(result.idempotencyKey());
        }
    };

    /** {@code POST /sessions}: not idempotent, retried only when the request was never delivered (or got 429). */
    static final OperationUnderTest<BrekClient, Session> CREATE_SESSION = new Base<>() {
        @Override
        public Session call(BrekClient client, RequestOptions options) {
            return client.sessions().create(CreateSession.forActor("partner_user_001"), options);
        }

        @Override
        public String successBody() {
            return SESSION_BODY;
        }

        @Override
        public boolean retrySafe() {
            return false;
        }

        @Override
        public ResponseMeta metaOf(Session result) {
            return result.meta();
        }
    };

    /** {@code GET /sessions/{id}}: always retry-safe. */
    static final OperationUnderTest<BrekClient, SessionSnapshot> GET_SESSION = new Base<>() {
        @Override
        public SessionSnapshot call(BrekClient client, RequestOptions options) {
            return client.sessions().get("sess_1", options);
        }

        @Override
        public String successBody() {
            return SNAPSHOT_BODY;
        }

        @Override
        public boolean retrySafe() {
            return true;
        }

        @Override
        public ResponseMeta metaOf(SessionSnapshot result) {
            return result.meta();
        }
    };

    /** The asynchronous twins, driven through {@code client.async()}. */
    static final OperationUnderTest<BrekClient, EventResult> SEND_EVENT_ASYNC = AsyncOperations.of(SEND_EVENT,
            (client, options) -> client.async().events().send(SendEvent.text("sess_1", "partner_user_001",
                    "Seattle Mar 20-23"), options));
    static final OperationUnderTest<BrekClient, Session> CREATE_SESSION_ASYNC = AsyncOperations.of(CREATE_SESSION,
            (client, options) -> client.async().sessions().create(CreateSession.forActor("partner_user_001"), options));
    static final OperationUnderTest<BrekClient, SessionSnapshot> GET_SESSION_ASYNC = AsyncOperations.of(GET_SESSION,
            (client, options) -> client.async().sessions().get("sess_1", options));
}
