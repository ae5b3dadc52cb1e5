package io.github.chatsdk.contract;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PrismServer} for one test class, started before its first test and stopped (the process
 * and its children) after its last, also when a test fails. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PrismExtension prism = PrismExtension.mock("helvia-bot.json");
 * @RegisterExtension
 * static final PrismExtension proxy = PrismExtension.proxy("brek-partner-core-chat.yaml", sandbox::baseUrl);
 * }</pre>
 *
 * A proxy's upstream is read when the extension starts, so an upstream that is itself an extension
 * (a sandbox) must be registered first (JUnit registers static fields in declaration order only
 * with {@code @Order}; use it).
 */
final class PrismExtension implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<PrismServer> starter;
    private PrismServer server;

    private PrismExtension(Supplier<PrismServer> starter) {
        this.starter = starter;
    }

    /** {@code prism mock} on a spec file of {@code specs/}, with extra arguments such as {@code -d}. */
    static PrismExtension mock(String specFile, String... extraArgs) {
        return new PrismExtension(() -> PrismServer.mock(specFile, extraArgs));
    }

    /** {@code prism proxy --errors} on a spec file of {@code specs/} in front of {@code upstream}. */
    static PrismExtension proxy(String specFile, Supplier<String> upstream) {
        Objects.requireNonNull(upstream, "upstream == null");
        return new PrismExtension(() -> PrismServer.proxy(specFile, upstream.get()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server. */
    PrismServer server() {
        if (server == null) {
            throw new IllegalStateException("Prism runs only during the tests of the class that registers it");
        }
        return server;
    }

    /** The running server's base URL. */
    String url() {
        return server().url();
    }

    /** The running server's whole log. */
    String logText() {
        return server().logText();
    }
}
