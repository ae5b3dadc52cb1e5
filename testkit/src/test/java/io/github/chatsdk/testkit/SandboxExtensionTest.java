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

class SandboxExtensionTest {
    @Test
    void theExtensionSaysWhenNoSandboxRuns() {
        BrekSandboxExtension idle = new BrekSandboxExtension();
        assertThrows(IllegalStateException.class, idle::sandbox);
        assertTrue(idle.resetsAfterEachTest());
        assertEquals(false, idle.resetAfterEachTest(false).resetsAfterEachTest());
    }

    @Test
    void theBuilderIsCopied() {
        BrekSandbox.Builder builder = BrekSandbox.builder().partner("a", "first");
        BrekSandboxExtension ext = new BrekSandboxExtension(builder);
        builder.partner("b", "second");
        assertTrue(ext.toString().contains("resetAfterEachTest=true"));
        try (BrekSandbox one = builder.start()) {
            assertEquals("a", one.apiKey());
        }
    }
}
