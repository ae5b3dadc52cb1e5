/**
 * In-process fake servers of the Brek Partner Core Chat API and the Helvia.ai Bot API
 * ({@link io.github.chatsdk.testkit.BrekSandbox}, {@link io.github.chatsdk.testkit.HelviaSandbox})
 * for tests and examples.
 *
 * <p>The servers are the JDK's {@code com.sun.net.httpserver}; JSON is Gson's. JUnit 5 is needed
 * only by the {@code *SandboxExtension} classes, and only when they are used.
 */
module io.github.chatsdk.testkit {
    // nullness of the API (@NullMarked packages, @Nullable): transitive, because the annotations are
    // part of the exported signatures and the jar is a regular (non-optional) dependency, always present
    requires transitive org.jspecify;
    // SandboxRequest.json() returns a JsonElement
    requires transitive com.google.gson;
    requires jdk.httpserver;
    // the *SandboxExtension classes implement JUnit 5 interfaces. Optional, and not transitive:
    // "static transitive" would make every module that reads the test kit need JUnit to compile;
    // a module that uses the extensions requires org.junit.jupiter.api itself
    requires static org.junit.jupiter.api;

    exports io.github.chatsdk.testkit;
}
