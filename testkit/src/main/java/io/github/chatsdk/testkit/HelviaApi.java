package io.github.chatsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The Helvia.ai Bot API of {@link HelviaSandbox}: health, bearer tokens, validation, the agent. */
final class HelviaApi implements SandboxApi {
    static final String EVENTS = "/api/events";

    private final Map<String, Set<String>> handlesByToken;
    private volatile Ids ids;
    /** sender id to its state; tags are per sender, across handles */
    private final ConcurrentHashMap<String, Sender> senders = new ConcurrentHashMap<>();
    private final Set<String> senderOrder = Collections.synchronizedSet(new LinkedHashSet<>());

    HelviaApi(Map<String, Set<String>> handlesByToken, long seed) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        handlesByToken.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        this.handlesByToken = Collections.unmodifiableMap(copy);
        this.ids = new Ids(seed);
    }

    Set<String> tags(String senderId) {
        Sender s = senders.get(senderId);
        if (s == null) {
            return Set.of();
        }
        synchronized (s) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(s.tags));
        }
    }

    List<String> senderIds() {
        synchronized (senderOrder) {
            return List.copyOf(senderOrder);
        }
    }

    Optional<String> language(String senderId) {
        Sender s = senders.get(senderId);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return Optional.ofNullable(s.language);
        }
    }

    @Override
    public void reset() {
        senders.clear();
        senderOrder.clear();
        ids = ids.restart();
    }

    @Override
    public Reply handle(Incoming in) {
        if (!in.rawPath.equals(EVENTS)) {
            return error(404, "Not Found");
        }
        if (in.method.equals("GET")) {
            JsonObject ok = new JsonObject();
            ok.addProperty("status", "ok");
            return Reply.json(200, ok);
        }
        if (!in.method.equals("POST")) {
            return error(405, "Method Not Allowed").header("allow", "GET, POST");
        }
        String authorization = in.header("authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || authorization.substring("Bearer ".length()).trim().isEmpty()) {
            return error(401, "Unauthorized");
        }
        Set<String> handles = handlesByToken.get(authorization.substring("Bearer ".length()).trim());
        if (handles == null) {
            return error(401, "Invalid token");
        }
        if (in.json().isEmpty()) {
            return error(400, "Invalid JSON payload");
        }
        JsonElement root = in.json().get();
        String invalid = HelviaValidator.firstError(root);
        if (invalid != null) {
            return error(400, "Validator errors: " + invalid);
        }
        JsonObject body = root.getAsJsonObject();
        String handle = body.get("handle").getAsString();
        if (!handles.contains(handle)) {
            return error(403, "Unknown principal");
        }
        return converse(handle, body);
    }

    private Reply converse(String handle, JsonObject body) {
        String senderId = JsonSupport.string(body, "sender.id").orElseGet(() -> "api_subscriber_" + ids.hex(24));
        Sender sender = senders.computeIfAbsent(senderId, id -> new Sender());
        senderOrder.add(senderId);
        List<HelviaReplies.Line> lines;
        synchronized (sender) {
            Optional<String> requested = JsonSupport.string(body, "language");
            if (requested.isPresent()) {
                sender.language = HelviaReplies.language(requested.get());
            }
            String language = sender.language == null ? "EN" : sender.language;
            JsonSupport.object(body, "tagOperations").ifPresent(ops -> {
                strings(ops.get("add")).forEach(sender.tags::add);
                strings(ops.get("remove")).forEach(sender.tags::remove);
            });
            JsonObject message = body.getAsJsonObject("message");
            Optional<String> text = JsonSupport.string(message, "text");
            if (text.isPresent()) {
                lines = HelviaReplies.forText(text.get(), language);
            } else {
                JsonObject payload = message.getAsJsonObject("payload");
                String type = payload.get("type").getAsString();
                JsonElement data = payload.get("data");
                if (type.equals("action")) {
                    JsonElement actions = data.isJsonObject() ? data.getAsJsonObject().get("actions") : null;
                    lines = HelviaReplies.action(actions != null && actions.isJsonArray() ? actions.getAsJsonArray().size()
                            : 1);
                } else if (data.isJsonPrimitive()) {
                    lines = HelviaReplies.node(data.getAsString(), language);
                } else {
                    lines = HelviaReplies.node("(object)", language);
                }
            }
        }

        JsonArray responses = new JsonArray();
        JsonArray responseIds = new JsonArray();
        JsonArray stripped = new JsonArray();
        Set<String> nodeIds = new LinkedHashSet<>();
        for (HelviaReplies.Line line : lines) {
            String id = "TX_" + UUID.nameUUIDFromBytes((handle + "|" + line.nodeId + "|" + line.index + "|" + line.text)
                    .getBytes(StandardCharsets.UTF_8));
            String plain = Markdown.strip(line.text);
            JsonObject r = new JsonObject();
            r.addProperty("id", id);
            r.addProperty("type", "text");
            JsonArray options = new JsonArray();
            options.add(line.text);
            r.add("options", options);
            r.addProperty("altText", plain);
            responses.add(r);
            responseIds.add(id);
            stripped.add(plain);
            nodeIds.add(line.nodeId);
        }
        JsonObject result = new JsonObject();
        result.add("responses", responses);
        if (JsonSupport.isTrue(body, "options.includeMetadata")) {
            result.add("responsesIds", responseIds);
            JsonArray nodes = new JsonArray();
            nodeIds.forEach(nodes::add);
            result.add("nodesIds", nodes);
        }
        if (JsonSupport.isTrue(body, "options.includeStrippedMarkdownTextResponses")) {
            result.add("responsesStrippedMarkdownText", stripped);
        }
        JsonObject out = new JsonObject();
        out.addProperty("status", "ok");
        out.add("result", result);
        return Reply.json(200, out);
    }

    private static List<String> strings(JsonElement array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isJsonArray()) {
            for (JsonElement e : array.getAsJsonArray()) {
                out.add(e.getAsString());
            }
        }
        return out;
    }

    @Override
    public Reply faultReply(Fault fault, Incoming in) {
        int status = fault.status();
        Reply reply;
        if (status == 401) {
            reply = error(401, "Unauthorized");
        } else if (status == 403) {
            reply = error(403, "Unknown principal");
        } else {
            reply = error(status, Statuses.reason(status) + " (injected by HelviaSandbox)");
        }
        fault.retryAfter().ifPresent(d -> reply.header("retry-after", Long.toString(Statuses.ceilSeconds(d))));
        return reply;
    }

    @Override
    public Reply internalError(Incoming in, RuntimeException e) {
        return error(500, "HelviaSandbox failed: " + e);
    }

    /** {@code ErrorResponse}: {@code {"status":"error","error":...}}. */
    static Reply error(int status, String message) {
        JsonObject o = new JsonObject();
        o.add("status", new JsonPrimitive("error"));
        o.addProperty("error", message);
        return Reply.json(status, o);
    }

    /** One end user's state; guarded by its own monitor. */
    static final class Sender {
        final Set<String> tags = new LinkedHashSet<>();
        String language;
    }
}
