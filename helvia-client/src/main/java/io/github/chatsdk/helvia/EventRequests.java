package io.github.chatsdk.helvia;

import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.helvia.internal.generated.model.Postback;
import io.github.chatsdk.helvia.internal.generated.model.PostbackActions;
import io.github.chatsdk.helvia.internal.generated.model.Sender;
import io.github.chatsdk.helvia.internal.generated.model.TagOperations;
import java.math.BigDecimal;
import java.util.List;

/**
 * The API's rules on an {@code EventRequest} that the spec states only in prose, checked before
 * anything is sent. Every refusal names the field as the API names it.
 */
final class EventRequests {
    private EventRequests() {
    }

    /**
     * @param handle the handle the request will carry (its own, else the client's), checked in
     *     place of {@code r.getHandle()}
     */
    static void validate(EventRequest r, String handle) {
        if (handle == null || handle.isBlank()) {
            throw new InvalidInputException("handle",
                    "is required and must not be blank: set it on the client builder (or HELVIA_HANDLE) or the message");
        }
        Message m = r.getMessage();
        if (m == null) {
            throw new InvalidInputException("message", "is required");
        }
        boolean hasText = m.getText() != null;
        boolean hasPayload = m.getPayload() != null;
        if (hasText && hasPayload) {
            throw new InvalidInputException("message", "must have exactly one of text and payload, not both");
        }
        if (!hasText && !hasPayload) {
            throw new InvalidInputException("message", "must have exactly one of text and payload, not neither");
        }
        if (hasText && m.getText().isBlank()) {
            throw new InvalidInputException("message.text", "must not be blank");
        }
        if (hasPayload) {
            validatePostback(m.getPayload());
        }
        if (hasNull(m.getContexts())) {
            throw new InvalidInputException("message.contexts", "must not contain null");
        }
        Sender s = r.getSender();
        if (s != null && (s.getId() == null || s.getId().isBlank())) {
            throw new InvalidInputException("sender.id", "is required when a sender is given");
        }
        BigDecimal ts = r.getTimestamp();
        if (ts != null && ts.signum() < 0) {
            throw new InvalidInputException("timestamp", "must not be negative");
        }
        if (r.getLanguage() != null && r.getLanguage().isBlank()) {
            throw new InvalidInputException("language", "must not be blank");
        }
        TagOperations t = r.getTagOperations();
        if (t != null) {
            boolean add = t.getAdd() != null && !t.getAdd().isEmpty();
            boolean remove = t.getRemove() != null && !t.getRemove().isEmpty();
            if (!add && !remove) {
                throw new InvalidInputException("tagOperations", "must have at least one of add and remove");
            }
            checkTags("tagOperations.add", t.getAdd());
            checkTags("tagOperations.remove", t.getRemove());
        }
    }

    private static void validatePostback(Postback p) {
        if (p.getType() == null || p.getType() == Postback.TypeEnum.UNKNOWN_DEFAULT_OPEN_API) {
            throw new InvalidInputException("message.payload.type", "is required: node, intent or action");
        }
        if (p.getData() == null || p.getData().getActualInstance() == null) {
            throw new InvalidInputException("message.payload.data", "is required");
        }
        Object data = p.getData().getActualInstance();
        if (data instanceof String && ((String) data).isBlank()) {
            throw new InvalidInputException("message.payload.data", "must not be blank");
        }
        if (data instanceof PostbackActions) {
            List<Object> actions = ((PostbackActions) data).getActions();
            if (hasNull(actions)) {
                throw new InvalidInputException("message.payload.data.actions", "must not contain null");
            }
        }
    }

    /** Immutable lists throw on {@code contains(null)}: look item by item. */
    private static boolean hasNull(List<?> values) {
        if (values == null) {
            return false;
        }
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    private static void checkTags(String field, List<String> tags) {
        if (tags == null) {
            return;
        }
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidInputException(field, "must not contain a null or blank tag");
            }
        }
    }
}
