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

/** The declarative form, with the default configuration. */
@ExtendWith(HelviaSandboxExtension.class)
@ExtendWith(BrekSandboxExtension.class)
class SandboxExtensionDeclarativeTest {
    final HelviaSandbox helvia;

    SandboxExtensionDeclarativeTest(HelviaSandbox helvia) {
        this.helvia = helvia;
    }

    @Test
    void bothSandboxesWithDefaults(HelviaSandbox helvia, BrekSandbox brek) {
        assertSame(this.helvia, helvia);
        assertEquals(HelviaSandbox.DEFAULT_TOKEN, helvia.token());
        assertEquals(BrekSandbox.DEFAULT_API_KEY, brek.apiKey());
        assertEquals(BrekSandbox.DEFAULT_PARTNER_ID, brek.partnerId());
    }
}
