package io.github.chatsdk.testsupport;

import io.github.chatsdk.core.internal.ApiRequest;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Instances of a generated request model with every member set, for comparing a client's body
 * writer with the generated Gson: found by reflection over the model's fields (so a member the spec
 * adds is set, too, and a writer that forgets it fails the comparison), one instance per form of
 * each {@code oneOf} member, plus an empty instance; each object, nested ones included, carries
 * additional properties of every kind (string, number, boolean, map, list, null).
 */
public final class RequestBodySamples {
    private RequestBodySamples() {
    }

    /** One request body: what the generated Gson writes for a sample, and what the client's request carries. */
    public static final class Case {
        /** The operation and the sample's number, for the test's name. */
        public final String name;
        /** {@code JSON.serialize(sample)}. */
        public final String generated;
        /** The body of the request the generated request description built. */
        public final String sent;

        Case(String name, String generated, String sent) {
            this.name = name;
            this.generated = generated;
            this.sent = sent;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Every operation with a request body in the generated request descriptions of one client (all
     * classes of {@code anApi}'s package), each called with every {@linkplain #of sample} of its body
     * model.
     *
     * @param anApi one generated request-description class; its package's classes are all read
     * @param modelPackage the generated model package
     * @param generatedGson the generated code's own serializer ({@code JSON::serialize})
     * @return the cases; at least one per operation with a body
     */
    public static List<Case> bodies(Class<?> anApi, String modelPackage, Function<Object, String> generatedGson) {
        List<Case> cases = new ArrayList<>();
        for (Class<?> api : classesOf(anApi)) {
            for (Method op : api.getMethods()) {
                if (!Modifier.isStatic(op.getModifiers()) || op.getReturnType() != ApiRequest.class) {
                    continue;
                }
                Class<?>[] types = op.getParameterTypes();
                int body = -1;
                for (int i = 0; i < types.length; i++) {
                    if (types[i].getPackageName().equals(modelPackage)) {
                        body = i;
                    }
                }
                if (body < 0) {
                    continue;
                }
                int n = 0;
                for (Object sample : of(types[body], modelPackage)) {
                    Object[] args = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        args[i] = i == body ? sample : types[i] == String.class ? "p_" + i : null;
                    }
                    ApiRequest request;
                    try {
                        request = (ApiRequest) op.invoke(null, args);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(op.toString(), e);
                    }
                    cases.add(new Case(api.getSimpleName() + "." + op.getName() + " #" + n++,
                            generatedGson.apply(sample), request.body()));
                }
            }
        }
        if (cases.isEmpty()) {
            throw new AssertionError("no operation with a request body found beside " + anApi.getName());
        }
        return cases;
    }

    private static List<Class<?>> classesOf(Class<?> anApi) {
        File dir;
        try {
            dir = new File(anApi.getResource(anApi.getSimpleName() + ".class").toURI()).getParentFile();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new AssertionError("the generated classes must be a directory (target/classes)", e);
        }
        List<Class<?>> classes = new ArrayList<>();
        String[] names = dir.list();
        java.util.Arrays.sort(names);
        for (String file : names) {
            if (file.endsWith(".class") && !file.contains("$")) {
                try {
                    classes.add(Class.forName(anApi.getPackageName() + "." + file.substring(0, file.length() - 6)));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return classes;
    }

    /**
     * @param model a generated model class (public, no-argument constructor)
     * @param modelPackage the generated model package (members of these types are filled recursively)
     * @return an empty instance, then instances with every member set, one per {@code oneOf} form
     */
    public static List<Object> of(Class<?> model, String modelPackage) {
        List<Object> all = new ArrayList<>();
        all.add(newInstance(model));
        all.addAll(filled(model, modelPackage));
        return all;
    }

    /** Every form of a model with all members set: the first form of every member, then each other form of one member. */
    private static List<Object> filled(Class<?> model, String pkg) {
        List<Object> forms = new ArrayList<>();
        if (isOneOf(model)) {
            for (Class<?> variant : oneOfTypes(model)) {
                for (Object value : values(variant, variant, pkg)) {
                    Object o = newInstance(model);
                    invoke(o, "setActualInstance", new Class<?>[] {Object.class}, value);
                    forms.add(o);
                }
            }
            return forms;
        }
        List<Field> fields = new ArrayList<>();
        List<List<Object>> choices = new ArrayList<>();
        for (Field f : model.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("additionalProperties")) {
                continue;
            }
            fields.add(f);
            choices.add(values(f.getType(), f.getGenericType(), pkg));
        }
        forms.add(build(model, fields, choices, -1, 0));
        for (int i = 0; i < fields.size(); i++) {
            for (int v = 1; v < choices.get(i).size(); v++) {
                forms.add(build(model, fields, choices, i, v));
            }
        }
        return forms;
    }

    private static Object build(Class<?> model, List<Field> fields, List<List<Object>> choices, int field, int form) {
        Object o = newInstance(model);
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            f.setAccessible(true);
            try {
                f.set(o, choices.get(i).get(i == field ? form : 0));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("x_string", "extra <&> \"quoted\" é");
        extra.put("x_number", 12);
        extra.put("x_decimal", 2.5);
        extra.put("x_boolean", false);
        extra.put("x_map", freeForm());
        extra.put("x_list", List.of("a", 1, true));
        extra.put("x_null", null);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            invoke(o, "putAdditionalProperty", new Class<?>[] {String.class, Object.class}, e.getKey(), e.getValue());
        }
        return o;
    }

    private static List<Object> values(Class<?> raw, Type generic, String pkg) {
        if (raw == String.class) {
            return List.of("text with <html> & \"quotes\" and ü");
        }
        if (raw == Integer.class) {
            return List.of(-42);
        }
        if (raw == Long.class) {
            return List.of(9_007_199_254_740_993L);
        }
        if (raw == Double.class) {
            return List.of(0.125);
        }
        if (raw == BigDecimal.class) {
            return List.of(new BigDecimal("1712345678.250"));
        }
        if (raw == Boolean.class) {
            return List.of(true);
        }
        if (raw.isEnum()) {
            for (Object constant : raw.getEnumConstants()) {
                if (!((Enum<?>) constant).name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
                    return List.of(constant);
                }
            }
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            if (element == String.class) {
                return List.of(new ArrayList<>(List.of("first", "second")));
            }
            return List.of(new ArrayList<>(List.of("a", 1, freeForm())));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return List.of(freeForm());
        }
        if (raw.getPackageName().equals(pkg)) {
            return filled(raw, pkg);
        }
        throw new AssertionError("RequestBodySamples cannot fill a member of type " + generic
                + "; teach it the type (a spec change added it)");
    }

    private static Map<String, Object> freeForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "v");
        m.put("n", 7);
        m.put("d", 1.5);
        m.put("b", true);
        m.put("nested", Map.of("list", List.of(1, 2)));
        return m;
    }

    private static boolean isOneOf(Class<?> model) {
        for (Class<?> c = model.getSuperclass(); c != null; c = c.getSuperclass()) {
            if (c.getSimpleName().equals("AbstractOpenApiSchema")) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Class<?>> oneOfTypes(Class<?> model) {
        Map<String, Class<?>> schemas = (Map<String, Class<?>>) invoke(newInstance(model), "getSchemas", new Class<?>[0]);
        return new ArrayList<>(schemas.values());
    }

    private static Object newInstance(Class<?> c) {
        try {
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create " + c.getName(), e);
        }
    }

    private static Object invoke(Object target, String name, Class<?>[] types, Object... args) {
        try {
            Method m = target.getClass().getMethod(name, types);
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(name + " on " + target.getClass().getName(), e);
        }
    }
}
