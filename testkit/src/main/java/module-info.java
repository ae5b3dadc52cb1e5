/**
 * In-process fake servers of the Brek Partner Core Chat API and the Helvia.ai Bot API
 * ({@link io.github.chatsdk.testkit.BrekSandbox}, {@link io.github.chatsdk.testkit.HelviaSandbox})
 * for tests and examples.
 *
 * <p>The servers are the JDK's {@code com.sun.net.httpserver}; JSON is Gson's. JUnit 5 is needed
 * only by the {@code *SandboxExtension} classes, and only when they are used.
 */
module io.github.chatsdk.testkit {
    // SandboxRequest.json() returns a JsonElement
    requires transitive com.google.gson;
    requires jdk.httpserver;
    // the *SandboxExtension classes implement JUnit 5 interfaces; JUnit is optional at run time
    requires static transitive org.junit.jupiter.api;

    exports io.github.chatsdk.testkit;
}
