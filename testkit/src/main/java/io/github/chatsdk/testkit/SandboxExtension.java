package io.github.chatsdk.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 life cycle both sandbox extensions share: start, reset and stop a sandbox, and
 * inject it into parameters of its type. Use {@link BrekSandboxExtension} or
 * {@link HelviaSandboxExtension}.
 *
 * @param <S> the sandbox type
 */
@SuppressWarnings("exports") // JUnit's types: a module that uses the extension requires org.junit.jupiter.api
public abstract class SandboxExtension<S extends Sandbox>
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private final Class<S> type;
    private final boolean resetAfterEach;
    private final SandboxLifecycle<S> lifecycle;

    SandboxExtension(Class<S> type, java.util.function.Supplier<S> starter, boolean resetAfterEach) {
        this.type = type;
        this.resetAfterEach = resetAfterEach;
        this.lifecycle = new SandboxLifecycle<>(starter, Sandbox::reset, resetAfterEach);
    }

    /**
     * Whether a sandbox shared by several tests is reset after each.
     *
     * @return the setting
     */
    public final boolean resetsAfterEachTest() {
        return resetAfterEach;
    }

    /**
     * The running sandbox.
     *
     * @return the sandbox
     * @throws IllegalStateException outside the tests the extension is registered for
     */
    public final S sandbox() {
        return lifecycle.running();
    }

    /**
     * The running sandbox's base URL.
     *
     * @return the base URL, such as {@code http://127.0.0.1:53121}
     * @throws IllegalStateException outside the tests the extension is registered for
     */
    public final String baseUrl() {
        return sandbox().baseUrl();
    }

    /**
     * Starts the class's sandbox.
     *
     * @param context the class's context
     */
    @Override
    public final void beforeAll(ExtensionContext context) {
        lifecycle.beforeAll(context);
    }

    /**
     * Starts the test's sandbox when none runs for the class.
     *
     * @param context the test's context
     */
    @Override
    public final void beforeEach(ExtensionContext context) {
        lifecycle.beforeEach(context);
    }

    /**
     * Closes the test's own sandbox, or resets the shared one.
     *
     * @param context the test's context
     * @throws Exception when closing fails
     */
    @Override
    public final void afterEach(ExtensionContext context) throws Exception {
        lifecycle.afterEach(context);
    }

    /**
     * Closes the class's sandbox.
     *
     * @param context the class's context
     * @throws Exception when closing fails
     */
    @Override
    public final void afterAll(ExtensionContext context) throws Exception {
        lifecycle.afterAll(context);
    }

    /**
     * Whether the parameter has this extension's sandbox type.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return {@code true} for a parameter of the sandbox type
     */
    @Override
    public final boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == type;
    }

    /**
     * The running sandbox.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the sandbox
     */
    @Override
    public final Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.get(extensionContext);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "{resetAfterEachTest=" + resetAfterEach + "}";
    }
}
