package io.github.chatsdk.core.internal;

import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Building blocks for writing request bodies straight to JSON text, byte for byte as the
 * generated Gson writes the generated models (no HTML escaping, members that are null left out,
 * members in declaration order), without the generated code's per-call JSON tree and without
 * loading the generated {@code JSON} class, whose static initializer (GsonFire, an adapter factory
 * per model) is the largest part of a client's cold start.
 */
public final class RequestJson {
    private static final Type FREE_FORM_MAP = new TypeToken<Map<String, Object>>() { }.getType();

    private RequestJson() {
    }

    /** A writer configured like the one the generated Gson writes a body with. */
    public static JsonWriter writer(Text out) {
        JsonWriter w = new JsonWriter(out);
        w.setHtmlSafe(false);
        w.setSerializeNulls(false);
        return w;
    }

    /** {@code "name":"value"}, nothing when the value is null. */
    public static void string(JsonWriter w, String name, String value) throws IOException {
        if (value != null) {
            w.name(name).value(value);
        }
    }

    /** {@code "name":true}, nothing when the value is null. */
    public static void bool(JsonWriter w, String name, Boolean value) throws IOException {
        if (value != null) {
            w.name(name).value(value.booleanValue());
        }
    }

    /** {@code "name":number}, nothing when the value is null. */
    public static void number(JsonWriter w, String name, Number value) throws IOException {
        if (value != null) {
            w.name(name).value(value);
        }
    }

    /** {@code "name":["a",null,"b"]}, nothing when the list is null. */
    public static void strings(JsonWriter w, String name, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        w.name(name).beginArray();
        for (String v : values) {
            if (v == null) {
                w.nullValue();
            } else {
                w.value(v);
            }
        }
        w.endArray();
    }

    /** A free-form {@code Map<String, Object>} member, written by Gson as a field of that type is. */
    public static void freeForm(JsonWriter w, String name, Map<String, Object> value) throws IOException {
        if (value != null) {
            w.name(name);
            Json.GSON.toJson(value, FREE_FORM_MAP, w);
        }
    }

    /**
     * Where a body is written: a {@code StringWriter} without its {@code StringBuffer}, whose
     * every small write takes a lock.
     */
    public static final class Text extends Writer {
        private final StringBuilder text = new StringBuilder(256);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public Writer append(CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public Writer append(CharSequence s, int start, int end) {
            text.append(s, start, end);
            return this;
        }

        @Override
        public Writer append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        /** @return everything written */
        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Whether a generated model's additional properties hold anything (then the generated writer is used). */
    public static boolean hasAdditional(Map<String, Object> additionalProperties) {
        return additionalProperties != null && !additionalProperties.isEmpty();
    }
}
