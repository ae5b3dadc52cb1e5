package io.github.chatsdk.testkit;

import java.util.Objects;

/**
 * A JUnit 5 extension that runs a {@link HelviaSandbox} for your tests and injects it into test,
 * lifecycle and constructor parameters of type {@code HelviaSandbox}.
 *
 * <pre>{@code
 * class MyServiceTest {
 *     @RegisterExtension
 *     static final HelviaSandboxExtension HELVIA = new HelviaSandboxExtension(
 *             HelviaSandbox.builder().token("test-token", "my-agent-handle"));
 *
 *     @Test
 *     void greetsNewUsers(HelviaSandbox helvia) {   // or HELVIA.sandbox()
 *         MyChatBridge bridge = new MyChatBridge(helvia.baseUrl(), "test-token", "my-agent-handle");
 *         assertEquals("Hi! I'm the Productivity Coach.", bridge.start("user-123").get(0));
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>On a {@code static} field, or as {@code @ExtendWith(HelviaSandboxExtension.class)} (default
 *       configuration), one sandbox serves every test of the class (and of its {@code @Nested}
 *       classes); it is started before them and closed after them.</li>
 *   <li>On an instance field, each test gets a sandbox of its own.</li>
 *   <li>Between tests of a shared sandbox, {@link HelviaSandbox#reset()} clears its state, faults
 *       and request log, unless {@link #resetAfterEachTest(boolean) resetAfterEachTest(false)}.
 *       A sandbox shared by tests that run in parallel should not be reset.</li>
 * </ul>
 *
 * <p>JUnit is an optional dependency of the test kit: this class needs
 * {@code org.junit.jupiter:junit-jupiter-api} on the test classpath, the sandboxes themselves do not.
 */
@SuppressWarnings("exports") // JUnit's types: a module that uses the extension requires org.junit.jupiter.api
public final class HelviaSandboxExtension extends SandboxExtension<HelviaSandbox> {
    private final HelviaSandbox.Builder builder;

    /** An extension with the default sandbox configuration (key or token: {@link HelviaSandbox#token()}). */
    public HelviaSandboxExtension() {
        this(HelviaSandbox.builder(), true);
    }

    /**
     * An extension whose sandboxes use this configuration. The builder is copied: later changes
     * to it do not apply.
     *
     * @param builder the configuration
     */
    public HelviaSandboxExtension(HelviaSandbox.Builder builder) {
        this(Objects.requireNonNull(builder, "builder == null").copy(), true);
    }

    private HelviaSandboxExtension(HelviaSandbox.Builder builder, boolean resetAfterEach) {
        super(HelviaSandbox.class, () -> builder.copy().start(), resetAfterEach);
        this.builder = builder;
    }

    /**
     * Whether a sandbox shared by several tests is reset after each (default {@code true}).
     *
     * @param reset {@code false} to keep state, faults and the request log across tests
     * @return a new extension with that setting (register that one)
     */
    public HelviaSandboxExtension resetAfterEachTest(boolean reset) {
        return new HelviaSandboxExtension(builder, reset);
    }
}
