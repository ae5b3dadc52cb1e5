package io.github.chatsdk.testkit;

import java.util.Objects;

/**
 * A JUnit 5 extension that runs a {@link BrekSandbox} for your tests and injects it into test,
 * lifecycle and constructor parameters of type {@code BrekSandbox}.
 *
 * <pre>{@code
 * class MyServiceTest {
 *     @RegisterExtension
 *     static final BrekSandboxExtension BREK = new BrekSandboxExtension(
 *             BrekSandbox.builder().partner("test-key", "acme").rateLimitPerMinute(30));
 *
 *     @Test
 *     void booksTheCheapestRefundableRoom(BrekSandbox brek) {   // or BREK.sandbox()
 *         BrekClient client = BrekClient.builder().apiKey("test-key").baseUrl(brek.baseUrl()).build();
 *         new MyBookingService(client).bookCheapest("partner_user_001", "Seattle Mar 20-23 refundable");
 *         assertEquals(1, brek.requests().stream()
 *                 .filter(r -> r.jsonString("kind").orElse("").equals("action_book_option")).count());
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>On a {@code static} field, or as {@code @ExtendWith(BrekSandboxExtension.class)} (default
 *       configuration), one sandbox serves every test of the class (and of its {@code @Nested}
 *       classes); it is started before them and closed after them.</li>
 *   <li>On an instance field, each test gets a sandbox of its own.</li>
 *   <li>Between tests of a shared sandbox, {@link BrekSandbox#reset()} clears its state, faults
 *       and request log, unless {@link #resetAfterEachTest(boolean) resetAfterEachTest(false)}.
 *       A sandbox shared by tests that run in parallel should not be reset.</li>
 * </ul>
 *
 * <p>JUnit is an optional dependency of the test kit: this class needs
 * {@code org.junit.jupiter:junit-jupiter-api} on the test classpath, the sandboxes themselves do not.
 */
@SuppressWarnings("exports") // JUnit's types: a module that uses the extension requires org.junit.jupiter.api
public final class BrekSandboxExtension extends SandboxExtension<BrekSandbox> {
    private final BrekSandbox.Builder builder;

    /** An extension with the default sandbox configuration (key or token: {@link BrekSandbox#apiKey()}). */
    public BrekSandboxExtension() {
        this(BrekSandbox.builder(), true);
    }

    /**
     * An extension whose sandboxes use this configuration. The builder is copied: later changes
     * to it do not apply.
     *
     * @param builder the configuration
     */
    public BrekSandboxExtension(BrekSandbox.Builder builder) {
        this(Objects.requireNonNull(builder, "builder == null").copy(), true);
    }

    private BrekSandboxExtension(BrekSandbox.Builder builder, boolean resetAfterEach) {
        super(BrekSandbox.class, () -> builder.copy().start(), resetAfterEach);
        this.builder = builder;
    }

    /**
     * Whether a sandbox shared by several tests is reset after each (default {@code true}).
     *
     * @param reset {@code false} to keep state, faults and the request log across tests
     * @return a new extension with that setting (register that one)
     */
    public BrekSandboxExtension resetAfterEachTest(boolean reset) {
        return new BrekSandboxExtension(builder, reset);
    }
}
