package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance-field extension: each test has a sandbox of its own, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelviaSandboxExtensionPerTestTest {
    static HelviaSandbox previous;

    @RegisterExtension
    final HelviaSandboxExtension helvia = new HelviaSandboxExtension(
            HelviaSandbox.builder().token("t", "h")).resetAfterEachTest(false);

    @Test
    @Order(1)
    void first(HelviaSandbox sandbox) {
        assertSame(helvia.sandbox(), sandbox);
        assertEquals("t", sandbox.token());
        previous = sandbox;
    }

    @Test
    @Order(2)
    void second(HelviaSandbox sandbox) {
        assertNotSame(previous, sandbox);
        Http old = new Http(previous.baseUrl(), SpecChecks.HELVIA, false);
        assertThrows(UncheckedIOException.class, () -> old.get("/api/events"), "the first one was closed");
        assertEquals(200, new Http(sandbox.baseUrl(), SpecChecks.HELVIA, false).get("/api/events").status);
    }
}
