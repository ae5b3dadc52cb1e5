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

/** A static extension: one sandbox for the class and its nested classes, reset between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrekSandboxExtensionSharedTest {
    @RegisterExtension
    static final BrekSandboxExtension BREK = new BrekSandboxExtension(BrekSandbox.builder().partner("k", "p1"));
    static BrekSandbox seenFirst;

    @BeforeAll
    static void injectedIntoBeforeAll(BrekSandbox brek) {
        assertSame(BREK.sandbox(), brek);
    }

    @Test
    @Order(1)
    void theSandboxIsInjected(BrekSandbox brek) {
        assertSame(BREK.sandbox(), brek);
        assertEquals("p1", brek.partnerId());
        assertEquals(brek.baseUrl(), BREK.baseUrl());
        Http http = new Http(brek.baseUrl(), SpecChecks.BREK, true);
        assertEquals(200, http.post(BrekSandboxTest.SESSIONS, "{\"actor\":{\"actorId\":\"a\"}}", "api-key", "k").status);
        brek.faults().nextStatus(503, 3);
        seenFirst = brek;
    }

    @Test
    @Order(2)
    void theSameSandboxServesTheNextTestAfterAReset(BrekSandbox brek) {
        assertSame(seenFirst, brek);
        assertTrue(brek.requests().isEmpty());
        assertTrue(brek.faults().pending().isEmpty());
    }

    @Nested
    class Inner {
        @Test
        void nestedTestsShareIt(BrekSandbox brek) {
            assertSame(BREK.sandbox(), brek);
        }
    }

    @AfterAll
    static void stillRunningInAfterAll() {
        assertEquals(0, BREK.sandbox().recordedEventCount());
    }
}
