package io.github.chatsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Checks a Helvia event request the way the real service's validator reports it: the first
 * problem only, as {@code "path" <complaint>} (Joi's wording), which the caller prefixes with
 * {@code Validator errors: }. Also enforces the rules the spec states only in prose: exactly one
 * of {@code message.text} / {@code message.payload}; at least one of {@code tagOperations.add} /
 * {@code remove}; {@code sender.id} when {@code sender} is given.
 */
final class HelviaValidator {
    private static final List<String> POSTBACK_TYPES = List.of("node", "intent", "action");

    private HelviaValidator() {
    }

    /** The first problem, or {@code null} when the request is valid. */
    static String firstError(JsonElement root) {
        if (!root.isJsonObject()) {
            return "\"value\" must be of type object";
        }
        JsonObject body = root.getAsJsonObject();
        String e = string(body, "handle", "handle", true, false);
        if (e != null) {
            return e;
        }
        JsonElement message = body.get("message");
        if (message == null || message.isJsonNull()) {
            return "\"message\" is required";
        }
        if (!message.isJsonObject()) {
            return "\"message\" must be of type object";
        }
        e = message(message.getAsJsonObject());
        if (e != null) {
            return e;
        }
        JsonElement sender = body.get("sender");
        if (sender != null) {
            if (!sender.isJsonObject()) {
                return "\"sender\" must be of type object";
            }
            e = string(sender.getAsJsonObject(), "id", "sender.id", true, false);
            if (e == null) {
                e = string(sender.getAsJsonObject(), "name", "sender.name", false, true);
            }
            if (e == null) {
                e = string(sender.getAsJsonObject(), "email", "sender.email", false, true);
            }
            if (e != null) {
                return e;
            }
        }
        JsonElement timestamp = body.get("timestamp");
        if (timestamp != null && !(timestamp.isJsonPrimitive() && timestamp.getAsJsonPrimitive().isNumber())) {
            return "\"timestamp\" must be a number";
        }
        e = string(body, "language", "language", false, false);
        if (e != null) {
            return e;
        }
        JsonElement tags = body.get("tagOperations");
        if (tags != null) {
            if (!tags.isJsonObject()) {
                return "\"tagOperations\" must be of type object";
            }
            JsonObject ops = tags.getAsJsonObject();
            if (!ops.has("add") && !ops.has("remove")) {
                return "\"tagOperations\" must contain at least one of [add, remove]";
            }
            e = stringArray(ops, "add", "tagOperations.add");
            if (e == null) {
                e = stringArray(ops, "remove", "tagOperations.remove");
            }
            if (e != null) {
                return e;
            }
        }
        JsonElement options = body.get("options");
        if (options != null) {
            if (!options.isJsonObject()) {
                return "\"options\" must be of type object";
            }
            for (String flag : List.of("includeMetadata", "includeStrippedMarkdownTextResponses")) {
                JsonElement v = options.getAsJsonObject().get(flag);
                if (v != null && !(v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean())) {
                    return "\"options." + flag + "\" must be a boolean";
                }
            }
        }
        return null;
    }

    private static String message(JsonObject message) {
        boolean hasText = message.has("text");
        boolean hasPayload = message.has("payload");
        if (!hasText && !hasPayload) {
            return "\"message\" must contain at least one of [text, payload]";
        }
        if (hasText && hasPayload) {
            return "\"message\" contains a conflict between exclusive peers [text, payload]";
        }
        if (hasText) {
            String e = string(message, "text", "message.text", true, false);
            if (e != null) {
                return e;
            }
        } else {
            JsonElement payload = message.get("payload");
            if (!payload.isJsonObject()) {
                return "\"message.payload\" must be of type object";
            }
            JsonObject p = payload.getAsJsonObject();
            JsonElement type = p.get("type");
            if (type == null || type.isJsonNull()) {
                return "\"message.payload.type\" is required";
            }
            if (!type.isJsonPrimitive() || !POSTBACK_TYPES.contains(type.getAsString())) {
                return "\"message.payload.type\" must be one of [node, intent, action]";
            }
            JsonElement data = p.get("data");
            if (data == null || data.isJsonNull()) {
                return "\"message.payload.data\" is required";
            }
            boolean isString = data.isJsonPrimitive() && data.getAsJsonPrimitive().isString();
            if (!isString && !data.isJsonObject()) {
                return "\"message.payload.data\" must be one of [string, object]";
            }
            if (data.isJsonObject() && data.getAsJsonObject().has("actions")
                    && !data.getAsJsonObject().get("actions").isJsonArray()) {
                return "\"message.payload.data.actions\" must be an array";
            }
        }
        JsonElement contexts = message.get("contexts");
        if (contexts != null) {
            return stringArray(message, "contexts", "message.contexts");
        }
        return null;
    }

    private static String string(JsonObject o, String member, String path, boolean required, boolean emptyAllowed) {
        JsonElement v = o.get(member);
        if (v == null || v.isJsonNull()) {
            return required ? "\"" + path + "\" is required" : null;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            return "\"" + path + "\" must be a string";
        }
        if (!emptyAllowed && v.getAsString().isEmpty()) {
            return "\"" + path + "\" is not allowed to be empty";
        }
        return null;
    }

    private static String stringArray(JsonObject o, String member, String path) {
        JsonElement v = o.get(member);
        if (v == null) {
            return null;
        }
        if (!v.isJsonArray()) {
            return "\"" + path + "\" must be an array";
        }
        JsonArray array = v.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                return "\"" + path + "[" + i + "]\" must be a string";
            }
        }
        return null;
    }
}
