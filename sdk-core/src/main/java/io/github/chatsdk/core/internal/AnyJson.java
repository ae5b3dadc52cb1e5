package io.github.chatsdk.core.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Objects;

/**
 * Any JSON value. Generated models use it (through the generator's {@code schemaMappings}) for
 * members the spec types as {@code nullable oneOf [object, string, array]}, which the generated
 * oneOf wrapper cannot read in every shape.
 */
@JsonAdapter(AnyJson.Adapter.class)
public final class AnyJson {
    private final JsonElement value;

    public AnyJson(JsonElement value) {
        this.value = value == null ? JsonNull.INSTANCE : value;
    }

    public JsonElement value() {
        return value;
    }

    /** Called by generated model validation: any JSON value is acceptable. */
    public static void validateJsonElement(JsonElement element) {
        // every shape is valid
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnyJson && Objects.equals(value, ((AnyJson) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** Reads and writes the value as is. */
    public static final class Adapter extends TypeAdapter<AnyJson> {
        @Override
        public void write(JsonWriter out, AnyJson v) throws IOException {
            if (v == null) {
                out.nullValue();
            } else {
                Json.GSON.toJson(v.value, out);
            }
        }

        @Override
        public AnyJson read(JsonReader in) throws IOException {
            return new AnyJson(JsonParser.parseReader(in));
        }
    }
}
