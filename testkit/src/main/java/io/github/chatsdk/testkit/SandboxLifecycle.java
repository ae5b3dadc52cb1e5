package io.github.chatsdk.testkit;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When a JUnit extension starts, resets and stops its sandbox. Registered on a static field or
 * the class, the sandbox lives for the class (started in {@code beforeAll}, by the outermost
 * class when {@code @Nested} classes inherit it); on an instance field, it lives for one test.
 */
final class SandboxLifecycle<S extends AutoCloseable> {
    private final Supplier<S> starter;
    private final Consumer<S> resetter;
    private final boolean resetAfterEach;
    private S sandbox;
    private String owner;
    private boolean perTest;

    SandboxLifecycle(Supplier<S> starter, Consumer<S> resetter, boolean resetAfterEach) {
        this.starter = starter;
        this.resetter = resetter;
        this.resetAfterEach = resetAfterEach;
    }

    synchronized void beforeAll(ExtensionContext context) {
        if (sandbox == null) {
            start(context, false);
        }
    }

    synchronized void beforeEach(ExtensionContext context) {
        if (sandbox == null) {
            start(context, true);
        }
    }

    synchronized void afterEach(ExtensionContext context) throws Exception {
        if (sandbox == null) {
            return;
        }
        if (perTest && context.getUniqueId().equals(owner)) {
            stop();
        } else if (resetAfterEach) {
            resetter.accept(sandbox);
        }
    }

    synchronized void afterAll(ExtensionContext context) throws Exception {
        if (sandbox != null && context.getUniqueId().equals(owner)) {
            stop();
        }
    }

    /** The running sandbox, started now (for the calling context) when needed. */
    synchronized S get(ExtensionContext context) {
        if (sandbox == null) {
            start(context, context.getTestMethod().isPresent());
        }
        return sandbox;
    }

    synchronized S running() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox is not running: it starts before the tests of the class"
                    + " (static field or @ExtendWith) or before each test (instance field)");
        }
        return sandbox;
    }

    private void start(ExtensionContext context, boolean forOneTest) {
        sandbox = starter.get();
        owner = context.getUniqueId();
        perTest = forOneTest;
    }

    private void stop() throws Exception {
        S s = sandbox;
        sandbox = null;
        owner = null;
        s.close();
    }
}
