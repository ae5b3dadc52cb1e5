package io.github.chatsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The Brek Partner Core Chat API of {@link BrekSandbox}: auth, rate limit, sessions and events. */
final class BrekApi implements SandboxApi {
    static final String PREFIX = "/api/partner/v1/core-chat";
    static final Set<String> WRITE_KINDS = Set.of("command_book_by_option_id", "action_book_option",
            "action_confirm_price_change", "action_confirm_payment_card", "action_cancel_booking");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String SESSIONS = PREFIX + "/sessions";
    private static final String EVENTS = PREFIX + "/events";

    private final Map<String, String> partnersByKey;
    private final String tenantId;
    private final String channelId;
    private final int limitPerMinute;
    private final long windowMillis;
    private final Clock clock;
    private volatile Ids ids;
    private final ConcurrentHashMap<String, BrekSession> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger recordedEvents = new AtomicInteger();

    BrekApi(Map<String, String> partnersByKey, String tenantId, String channelId, int limitPerMinute,
            long windowMillis, Clock clock, long seed) {
        this.partnersByKey = Map.copyOf(partnersByKey);
        this.tenantId = tenantId;
        this.channelId = channelId;
        this.limitPerMinute = limitPerMinute;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.ids = new Ids(seed);
    }

    // ---------------------------------------------------------------- state for assertions

    int recordedEventCount() {
        return recordedEvents.get();
    }

    int recordedEventCount(String sessionId) {
        BrekSession s = sessions.get(sessionId);
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            return s.events.size();
        }
    }

    Optional<String> sessionStatus(String sessionId) {
        BrekSession s = sessions.get(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return Optional.of(s.status);
        }
    }

    @Override
    public void reset() {
        sessions.clear();
        windows.clear();
        recordedEvents.set(0);
        ids = ids.restart();
    }

    // ---------------------------------------------------------------- HTTP

    @Override
    public Reply handle(Incoming in) {
        String requestId = ids.uuid();
        Reply reply = route(in, requestId);
        return reply.header("x-request-id", requestId);
    }

    private Reply route(Incoming in, String requestId) {
        String path = in.rawPath;
        String sessionIdRaw = null;
        String allowed;
        if (path.equals(SESSIONS)) {
            allowed = "POST";
        } else if (path.equals(EVENTS)) {
            allowed = "POST";
        } else if (path.startsWith(SESSIONS + "/") && path.indexOf('/', SESSIONS.length() + 1) < 0) {
            allowed = "GET";
            sessionIdRaw = path.substring(SESSIONS.length() + 1);
        } else {
            JsonObject details = new JsonObject();
            details.addProperty("path", path);
            return gateway(404, "Not found.", "not_found", details, requestId);
        }
        if (!allowed.equals(in.method)) {
            JsonObject details = new JsonObject();
            details.addProperty("method", in.method);
            return gateway(405, "Method not allowed.", "method_not_allowed", details, requestId).header("allow", allowed);
        }

        String key = credential(in);
        if (key == null) {
            return gateway(401, "Missing partner API key.", "missing_partner_api_key", JsonNull.INSTANCE, requestId);
        }
        String partnerId = partnersByKey.get(key);
        if (partnerId == null) {
            return gateway(403, "Invalid partner API key.", "invalid_partner_api_key", JsonNull.INSTANCE, requestId);
        }
        // counted when the request arrived (the time its log entry shows)
        Window.Decision rate = windows.computeIfAbsent(partnerId, p -> new Window())
                .take(in.receivedAt.toEpochMilli(), limitPerMinute, windowMillis);
        Reply reply;
        if (!rate.allowed) {
            reply = rateLimited(partnerId, requestId).header("retry-after", Long.toString(rate.retryAfterSeconds));
        } else if (path.equals(SESSIONS)) {
            reply = createSession(in, partnerId, requestId);
        } else if (path.equals(EVENTS)) {
            reply = sendEvent(in, partnerId, requestId);
        } else {
            reply = getSession(percentDecode(sessionIdRaw), partnerId, requestId);
        }
        return reply.header("x-partner-id", partnerId)
                .header("x-ratelimit-limit", Integer.toString(limitPerMinute))
                .header("x-ratelimit-remaining", Integer.toString(rate.remaining));
    }

    /** The key from the first scheme present: {@code x-partner-api-key}, then {@code Bearer}, then {@code api-key}. */
    private static String credential(Incoming in) {
        String header = in.header("x-partner-api-key");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = in.header("authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            String token = authorization.substring("Bearer ".length()).trim();
            if (!token.isEmpty()) {
                return token;
            }
        }
        String legacy = in.header("api-key");
        if (legacy != null && !legacy.isBlank()) {
            return legacy.trim();
        }
        return null;
    }

    private Reply rateLimited(String partnerId, String requestId) {
        JsonObject details = new JsonObject();
        details.addProperty("partnerId", partnerId);
        return gateway(429, exceeded(), "rate_limited", details, requestId);
    }

    @Override
    public Reply faultReply(Fault fault, Incoming in) {
        String requestId = ids.uuid();
        int status = fault.status();
        Reply reply;
        if (status == 500) {
            // the spec's 500 is oneOf [GatewayErrorResponse, ValidationErrorResponse]; a gateway body
            // also matches the second, so only this shape is unambiguous
            reply = validation(500, "Internal server error (injected by BrekSandbox).", requestId);
        } else if (status == 401) {
            reply = gateway(401, "Missing partner API key.", "missing_partner_api_key", JsonNull.INSTANCE, requestId);
        } else if (status == 403) {
            reply = gateway(403, "Invalid partner API key.", "invalid_partner_api_key", JsonNull.INSTANCE, requestId);
        } else if (status == 429) {
            String key = credential(in);
            String partnerId = key == null ? null : partnersByKey.get(key);
            JsonObject details = new JsonObject();
            details.addProperty("partnerId", partnerId);
            reply = gateway(429, exceeded(), "rate_limited", details, requestId)
                    .header("x-ratelimit-limit", Integer.toString(limitPerMinute))
                    .header("x-ratelimit-remaining", "0");
            if (partnerId != null) {
                reply.header("x-partner-id", partnerId);
            }
        } else {
            reply = gateway(status, Statuses.reason(status) + " (injected by BrekSandbox).", Statuses.code(status),
                    JsonNull.INSTANCE, requestId);
        }
        fault.retryAfter().ifPresent(d -> reply.header("retry-after", Long.toString(Statuses.ceilSeconds(d))));
        return reply.header("x-request-id", requestId);
    }

    @Override
    public Reply internalError(Incoming in, RuntimeException e) {
        String requestId = ids.uuid();
        return validation(500, "BrekSandbox failed: " + e, requestId).header("x-request-id", requestId);
    }

    // ---------------------------------------------------------------- operations

    private Reply createSession(Incoming in, String partnerId, String requestId) {
        Optional<JsonObject> parsed = in.json().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
        if (parsed.isEmpty()) {
            return validation(400, "Invalid JSON payload", requestId);
        }
        JsonObject body = parsed.get();
        Optional<String> actorId = JsonSupport.string(body, "actor.actorId").filter(a -> !a.isBlank());
        if (actorId.isEmpty()) {
            return validation(400, "actor.actorId is required", requestId);
        }
        Integer offset = JsonSupport.at(body, "actor.timezoneOffsetMinutes").map(BrekApi::integer).orElse(null);
        Instant now = clock.instant();
        BrekSession session;
        do {
            String sessionId = "sess_" + now.toEpochMilli() + "_" + ids.lowerAlnum(8);
            String channel = JsonSupport.string(body, "conversation.channelId").orElse(channelId);
            String threadTs = JsonSupport.string(body, "conversation.threadTs").orElse(sessionId);
            String conversationId = JsonSupport.string(body, "conversation.id").orElse(channel + ":" + threadTs);
            session = new BrekSession(sessionId, partnerId, actorId.get(), offset,
                    JsonSupport.string(body, "channel.workspaceId").orElse(null), conversationId, channel, threadTs, now);
        } while (sessions.putIfAbsent(session.sessionId, session) != null);
        JsonObject data;
        synchronized (session) {
            data = sessionData(session);
        }
        JsonObject out = new JsonObject();
        out.add("data", data);
        return Reply.json(200, out);
    }

    private JsonObject sessionData(BrekSession s) {
        JsonObject data = new JsonObject();
        data.addProperty("sessionId", s.sessionId);
        data.addProperty("tenantId", tenantId);
        JsonObject channel = new JsonObject();
        channel.addProperty("type", "partner_api");
        channel.add("workspaceId", s.workspaceId == null ? JsonNull.INSTANCE : new JsonPrimitive(s.workspaceId));
        data.add("channel", channel);
        JsonObject conversation = new JsonObject();
        conversation.addProperty("id", s.conversationId);
        conversation.addProperty("channelId", s.channelId);
        conversation.addProperty("threadTs", s.threadTs);
        data.add("conversation", conversation);
        JsonObject actor = new JsonObject();
        actor.addProperty("actorId", s.actorId);
        actor.add("timezoneOffsetMinutes",
                s.timezoneOffsetMinutes == null ? JsonNull.INSTANCE : new JsonPrimitive(s.timezoneOffsetMinutes));
        data.add("actor", actor);
        data.addProperty("createdAt", TIMESTAMP.format(s.createdAt));
        data.addProperty("updatedAt", TIMESTAMP.format(s.updatedAt));
        data.add("events", history(s));
        return data;
    }

    private static JsonArray history(BrekSession s) {
        JsonArray events = new JsonArray();
        for (BrekSession.EventRecord e : s.events) {
            JsonObject o = new JsonObject();
            o.addProperty("eventId", e.eventId);
            o.addProperty("kind", e.kind);
            o.addProperty("resultStatus", e.resultStatus);
            o.addProperty("recordedAt", TIMESTAMP.format(e.recordedAt));
            events.add(o);
        }
        return events;
    }

    private Reply getSession(String sessionId, String partnerId, String requestId) {
        if (sessionId.isBlank()) {
            return gateway(400, "sessionId is required", "invalid_request", JsonNull.INSTANCE, requestId);
        }
        BrekSession s = sessions.get(sessionId);
        if (s == null || !s.partnerId.equals(partnerId)) {
            return sessionNotFound(sessionId, requestId);
        }
        JsonObject data = new JsonObject();
        synchronized (s) {
            data.addProperty("sessionId", s.sessionId);
            data.addProperty("tenantId", tenantId);
            JsonObject actor = new JsonObject();
            actor.addProperty("actorId", s.actorId);
            data.add("actor", actor);
            data.add("events", history(s));
        }
        JsonObject out = new JsonObject();
        out.add("data", data);
        return Reply.json(200, out);
    }

    private Reply sendEvent(Incoming in, String partnerId, String requestId) {
        Optional<JsonObject> parsed = in.json().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
        if (parsed.isEmpty()) {
            return validation(400, "Invalid JSON payload", requestId);
        }
        JsonObject body = parsed.get();
        Optional<String> sessionId = JsonSupport.string(body, "sessionId").filter(s -> !s.isBlank());
        if (sessionId.isEmpty()) {
            return validation(400, "sessionId is required", requestId);
        }
        String text = JsonSupport.string(body, "text").filter(t -> !t.isBlank()).orElse(null);
        String kind = JsonSupport.string(body, "kind").filter(k -> !k.isBlank())
                .orElse(text != null ? "search_query" : null);
        if (kind == null) {
            return validation(400, "text or kind is required", requestId);
        }
        String key = JsonSupport.string(body, "idempotencyKey").filter(k -> !k.isBlank()).orElse(null);
        if (key == null && WRITE_KINDS.contains(kind)) {
            return validation(400, "idempotencyKey is required for kind=" + kind, requestId);
        }
        BrekSession s = sessions.get(sessionId.get());
        if (s == null || !s.partnerId.equals(partnerId)) {
            return sessionNotFound(sessionId.get(), requestId);
        }
        Optional<String> actorId = JsonSupport.string(body, "actor.actorId");
        if (actorId.isPresent() && !actorId.get().equals(s.actorId)) {
            return validation(409, "actor.actorId does not match the session owner (" + s.actorId + ").", requestId);
        }
        JsonObject payload = JsonSupport.object(body, "payload").orElseGet(JsonObject::new);
        synchronized (s) {
            if (key != null) {
                String first = s.replies.get(key);
                if (first != null) {
                    return new Reply(200, first).header("idempotent-replayed", "true");
                }
            }
            BrekSession.Outcome outcome = new BrekFlow(s, ids).apply(kind, text, payload,
                    clock.instant().atZone(ZoneOffset.UTC).getYear());
            String eventId = "evt_" + ids.uniqueMillis(clock);
            Instant now = clock.instant();
            s.events.add(new BrekSession.EventRecord(eventId, kind, outcome.status, now));
            s.updatedAt = now;
            s.status = outcome.status;
            recordedEvents.incrementAndGet();

            JsonObject event = new JsonObject();
            event.addProperty("id", eventId);
            event.addProperty("kind", kind);
            JsonObject message = new JsonObject();
            message.addProperty("text", outcome.message);
            JsonObject result = new JsonObject();
            result.addProperty("traceId", String.join(":", tenantId, "partner_api", s.channelId, s.sessionId, eventId));
            result.addProperty("status", outcome.status);
            result.add("message", message);
            result.add("artifacts", outcome.artifacts);
            JsonObject data = new JsonObject();
            data.addProperty("sessionId", s.sessionId);
            data.add("event", event);
            data.add("result", result);
            JsonObject out = new JsonObject();
            out.add("data", data);
            String text200 = JsonSupport.write(out);
            if (key != null) {
                s.replies.put(key, text200);
            }
            return new Reply(200, text200);
        }
    }

    private Reply sessionNotFound(String sessionId, String requestId) {
        JsonObject details = new JsonObject();
        details.addProperty("sessionId", sessionId);
        return gateway(404, "Session not found.", "session_not_found", details, requestId);
    }

    // ---------------------------------------------------------------- bodies

    /** {@code GatewayErrorResponse}: success, error, code, details, requestId. */
    static Reply gateway(int status, String error, String code, JsonElement details, String requestId) {
        JsonObject o = new JsonObject();
        o.addProperty("success", false);
        o.addProperty("error", error);
        o.addProperty("code", code);
        o.add("details", details);
        o.addProperty("requestId", requestId);
        return Reply.json(status, o);
    }

    /** {@code ValidationErrorResponse}: success, error, requestId. */
    static Reply validation(int status, String error, String requestId) {
        JsonObject o = new JsonObject();
        o.addProperty("success", false);
        o.addProperty("error", error);
        o.addProperty("requestId", requestId);
        return Reply.json(status, o);
    }

    private static Integer integer(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        try {
            return new BigDecimal(e.getAsString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException ex) {
            return null;
        }
    }

    /** Percent-decodes a path segment as UTF-8; {@code +} stays {@code +}, bad escapes stay as they are. */
    static String percentDecode(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The 429 message: {@code Exceeded 120 requests per minute}, or per the configured window. */
    private String exceeded() {
        String per = windowMillis == 60_000L ? "minute"
                : windowMillis % 1000 == 0 ? (windowMillis / 1000) + " seconds" : windowMillis + " ms";
        return "Exceeded " + limitPerMinute + " requests per " + per;
    }

    /** A fixed window of one partner: whole multiples of the window length since the epoch (clock minutes by default). */
    static final class Window {
        private long minute = Long.MIN_VALUE;
        private int used;

        static final class Decision {
            final boolean allowed;
            final int remaining;
            final long retryAfterSeconds;

            Decision(boolean allowed, int remaining, long retryAfterSeconds) {
                this.allowed = allowed;
                this.remaining = remaining;
                this.retryAfterSeconds = retryAfterSeconds;
            }
        }

        synchronized Decision take(long nowMillis, int limit, long windowMillis) {
            long current = Math.floorDiv(nowMillis, windowMillis);
            if (current != minute) {
                minute = current;
                used = 0;
            }
            if (used >= limit) {
                long untilNext = (current + 1) * windowMillis - nowMillis;
                return new Decision(false, 0, Math.max(1, (untilNext + 999) / 1000));
            }
            used++;
            return new Decision(true, limit - used, 0);
        }
    }

    /** One session's state; guarded by the session's own monitor. */
    static final class BrekSession {
        final String sessionId;
        final String partnerId;
        final String actorId;
        final Integer timezoneOffsetMinutes;
        final String workspaceId;
        final String conversationId;
        final String channelId;
        final String threadTs;
        final Instant createdAt;
        Instant updatedAt;
        String status = "created";
        final List<EventRecord> events = new ArrayList<>();
        /** idempotency key to the first response body */
        final Map<String, String> replies = new HashMap<>();
        /** every option any search of this session returned */
        final Map<String, BrekCatalogue.Option> options = new LinkedHashMap<>();
        List<BrekCatalogue.Option> lastShortlist = List.of();
        Booking booking;

        BrekSession(String sessionId, String partnerId, String actorId, Integer timezoneOffsetMinutes,
                String workspaceId, String conversationId, String channelId, String threadTs, Instant createdAt) {
            this.sessionId = sessionId;
            this.partnerId = partnerId;
            this.actorId = actorId;
            this.timezoneOffsetMinutes = timezoneOffsetMinutes;
            this.workspaceId = workspaceId;
            this.conversationId = conversationId;
            this.channelId = channelId;
            this.threadTs = threadTs;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        static final class EventRecord {
            final String eventId;
            final String kind;
            final String resultStatus;
            final Instant recordedAt;

            EventRecord(String eventId, String kind, String resultStatus, Instant recordedAt) {
                this.eventId = eventId;
                this.kind = kind;
                this.resultStatus = resultStatus;
                this.recordedAt = recordedAt;
            }
        }

        static final class Booking {
            final String bookingId;
            final BrekCatalogue.Option option;
            String status;
            BigDecimal totalPrice;
            BigDecimal newTotalPrice;

            Booking(String bookingId, BrekCatalogue.Option option) {
                this.bookingId = bookingId;
                this.option = option;
                this.totalPrice = option.totalPrice;
            }
        }

        static final class Outcome {
            final String status;
            final String message;
            final JsonObject artifacts;

            Outcome(String status, String message, JsonObject artifacts) {
                this.status = status;
                this.message = message;
                this.artifacts = artifacts;
            }
        }
    }
}
