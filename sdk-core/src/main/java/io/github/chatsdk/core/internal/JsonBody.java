package io.github.chatsdk.core.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object of a request body, written member by member from a generated model's getters,
 * with the member names of the model's {@code SERIALIZED_NAME_*} constants: how each client's body
 * writer ({@code BrekBodies}, {@code HelviaBodies}) turns the generated request models into the
 * bytes the generated Gson would write, without the generated {@code JSON} class.
 *
 * <p>Why not the generated {@code JSON.serialize}: its first use registers every model's adapter
 * factory and the date adapters, and binds the models by reflection over their annotated fields
 * (Gson parses {@code @SerializedName} through a dynamic proxy): 30–45 ms of a JVM's first call,
 * measured, against about 1 ms here. The output is the same, member for member; each client's
 * tests compare both for every request model with every field set.
 *
 * <p>As the generated Gson does: a {@code null} member is left out, additional properties are
 * written after the declared members (replacing a declared member of the same name), and
 * free-form values (maps, lists, strings, numbers, booleans) are written by {@link Json#GSON}.
 */
public final class JsonBody {
    private final JsonObject members = new JsonObject();

    private JsonBody() {
    }

    /** @return an empty object */
    public static JsonBody object() {
        return new JsonBody();
    }

    /**
     * @param name the member
     * @param value the value; {@code null} leaves the member out
     * @return this object
     */
    public JsonBody put(String name, @Nullable String value) {
        if (value != null) {
            members.addProperty(name, value);
        }
        return this;
    }

    /**
     * @param name the member
     * @param value the value; {@code null} leaves the member out
     * @return this object
     */
    public JsonBody put(String name, @Nullable Number value) {
        if (value != null) {
            members.addProperty(name, value);
        }
        return this;
    }

    /**
     * @param name the member
     * @param value the value; {@code null} leaves the member out
     * @return this object
     */
    public JsonBody put(String name, @Nullable Boolean value) {
        if (value != null) {
            members.addProperty(name, value);
        }
        return this;
    }

    /**
     * @param name the member
     * @param value a nested object; {@code null} leaves the member out
     * @return this object
     */
    public JsonBody put(String name, @Nullable JsonBody value) {
        if (value != null) {
            members.add(name, value.members);
        }
        return this;
    }

    /**
     * @param name the member
     * @param values the strings of an array; {@code null} leaves the member out
     * @return this object
     */
    public JsonBody putStrings(String name, @Nullable List<String> values) {
        if (values != null) {
            JsonArray a = new JsonArray(values.size());
            for (String v : values) {
                a.add(v);
            }
            members.add(name, a);
        }
        return this;
    }

    /**
     * @param name the member
     * @param value a free-form value (a map, list, string, number or boolean); {@code null} leaves the member out
     * @return this object
     */
    public JsonBody putValue(String name, @Nullable Object value) {
        if (value != null) {
            members.add(name, tree(value));
        }
        return this;
    }

    /**
     * Writes a generated model's additional (undeclared) properties, as its adapter does.
     *
     * @param properties the properties; {@code null} writes none
     * @return this object
     */
    public JsonBody additional(@Nullable Map<String, Object> properties) {
        if (properties != null) {
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                Object v = e.getValue();
                members.add(e.getKey(), v == null ? JsonNull.INSTANCE : tree(v));
            }
        }
        return this;
    }

    private static JsonElement tree(Object value) {
        return Json.GSON.toJsonTree(value);
    }

    /** @return the object as JSON text */
    public String toJson() {
        return Json.GSON.toJson(members);
    }

    /** @return the object as JSON text */
    @Override
    public String toString() {
        return toJson();
    }
}
