package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.helvia.HelviaClient;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the compiled classes of the published API packages (core, Brek, Helvia, testkit) and checks
 * that no public or protected signature names an internal or generated type, or Gson: what the
 * published Javadoc leaves out must not be needed to call the API.
 */
class PublicSignaturesTest {
    private static final ThreadLocal<java.util.Set<Type>> SEEN = ThreadLocal.withInitial(java.util.HashSet::new);

    @Test
    void noPublicSignatureOfAPublishedPackageNamesAnInternalGeneratedOrGsonType() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> anchor : List.of(ChatSdkException.class, BrekClient.class, HelviaClient.class, BrekSandbox.class)) {
            classes.addAll(publicApiClasses(anchor));
        }
        assertTrue(classes.size() > 60, "found the API classes: " + classes.size());

        TreeSet<String> offences = new TreeSet<>();
        for (Class<?> c : classes) {
            check(c.getName() + " extends", c.getGenericSuperclass(), offences);
            for (Type i : c.getGenericInterfaces()) {
                check(c.getName() + " implements", i, offences);
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), offences);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    check(c.getName() + "." + m.getName() + "() returns", m.getGenericReturnType(), offences);
                    params(c.getName() + "." + m.getName(), m, offences);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !k.isSynthetic()) {
                    params(c.getName() + ".<init>", k, offences);
                }
            }
        }
        // the testkit is a test library that depends on Gson by design (SandboxRequest.json()); the rule
        // that no Gson type is public holds for sdk-core and the two clients
        offences.removeIf(o -> o.startsWith("io.github.chatsdk.testkit.") && o.contains(" com.google.gson."));
        assertEquals(new TreeSet<>(), offences, "internal, generated or Gson types in public signatures");
    }

    private static void params(String where, Executable e, TreeSet<String> offences) {
        for (Type p : e.getGenericParameterTypes()) {
            check(where + "(..) takes", p, offences);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(where + "(..) throws", t, offences);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type t, TreeSet<String> offences) {
        if (t == null) {
            return;
        }
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            String n = c.getName();
            if (n.contains(".internal.") || n.contains(".generated.") || n.startsWith("com.google.gson.")) {
                offences.add(where + " " + n);
            }
        } else if (t instanceof ParameterizedType) {
            check(where, ((ParameterizedType) t).getRawType(), offences);
            for (Type a : ((ParameterizedType) t).getActualTypeArguments()) {
                check(where, a, offences);
            }
        } else if (t instanceof GenericArrayType) {
            check(where, ((GenericArrayType) t).getGenericComponentType(), offences);
        } else if (t instanceof WildcardType) {
            for (Type b : ((WildcardType) t).getUpperBounds()) {
                check(where, b, offences);
            }
            for (Type b : ((WildcardType) t).getLowerBounds()) {
                check(where, b, offences);
            }
        } else if (t instanceof TypeVariable) {
            if (!SEEN.get().add(t)) {
                return; // a recursive bound such as B extends Builder<B>
            }
            for (Type b : ((TypeVariable<?>) t).getBounds()) {
                check(where, b, offences);
            }
        }
    }

    /** The public and protected classes of the anchor's package (not its sub-packages), nested ones included. */
    private static List<Class<?>> publicApiClasses(Class<?> anchor) throws IOException, URISyntaxException {
        Path root = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = anchor.getPackageName();
        List<Class<?>> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    add(out, pkg + "." + p.getFileName().toString(), anchor.getClassLoader());
                }
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                String prefix = pkg.replace('.', '/') + "/";
                jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                        .forEach(n -> add(out, pkg + "." + n.substring(prefix.length()), anchor.getClassLoader()));
            }
        }
        return out;
    }

    private static void add(List<Class<?>> out, String file, ClassLoader loader) {
        if (!file.endsWith(".class") || file.endsWith("package-info.class") || file.endsWith("module-info.class")) {
            return;
        }
        try {
            Class<?> c = Class.forName(file.substring(0, file.length() - ".class".length()), false, loader);
            if (visible(c.getModifiers()) && !c.isSynthetic() && !c.isAnonymousClass()) {
                out.add(c);
            }
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
