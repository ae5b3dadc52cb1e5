package io.github.chatsdk.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
public final class HelviaSandboxExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private final HelviaSandbox.Builder builder;
    private final boolean resetAfterEach;
    private final SandboxLifecycle<HelviaSandbox> lifecycle;

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
        this.builder = builder;
        this.resetAfterEach = resetAfterEach;
        this.lifecycle = new SandboxLifecycle<>(() -> builder.copy().start(), HelviaSandbox::reset, resetAfterEach);
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

    /**
     * Whether a sandbox shared by several tests is reset after each.
     *
     * @return the setting
     */
    public boolean resetsAfterEachTest() {
        return resetAfterEach;
    }

    /**
     * The running sandbox.
     *
     * @return the sandbox
     * @throws IllegalStateException outside the tests the extension is registered for
     */
    public HelviaSandbox sandbox() {
        return lifecycle.running();
    }

    /**
     * The running sandbox's base URL.
     *
     * @return the base URL, such as {@code http://127.0.0.1:53121}
     * @throws IllegalStateException outside the tests the extension is registered for
     */
    public String baseUrl() {
        return sandbox().baseUrl();
    }

    /**
     * Starts the class's sandbox.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        lifecycle.beforeAll(context);
    }

    /**
     * Starts the test's sandbox when none runs for the class.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        lifecycle.beforeEach(context);
    }

    /**
     * Closes the test's own sandbox, or resets the shared one.
     *
     * @param context the test's context
     * @throws Exception when closing fails
     */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        lifecycle.afterEach(context);
    }

    /**
     * Closes the class's sandbox.
     *
     * @param context the class's context
     * @throws Exception when closing fails
     */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        lifecycle.afterAll(context);
    }

    /**
     * Whether the parameter is a {@link HelviaSandbox}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return {@code true} for a parameter of type {@code HelviaSandbox}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == HelviaSandbox.class;
    }

    /**
     * The running sandbox.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the sandbox
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.get(extensionContext);
    }

    @Override
    public String toString() {
        return "HelviaSandboxExtension{resetAfterEachTest=" + resetAfterEach + "}";
    }
}
