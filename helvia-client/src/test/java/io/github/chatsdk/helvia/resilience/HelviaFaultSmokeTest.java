package io.github.chatsdk.helvia.resilience;

import io.github.chatsdk.testsupport.AbstractFaultSmokeTest;
import io.github.chatsdk.testsupport.OperationUnderTest;
import java.util.List;
import org.junit.jupiter.api.Named;

/**
 * The Helvia client's wiring to the core's transport, proven by a few fault rows: {@code GET
 * /api/events} (the health check, retry-safe, sent without credential) and {@code POST /api/events}
 * (a message, not retry-safe, with the bearer token), synchronously and through
 * {@code client.async()}. Every fault row is proven in sdk-core's {@code FaultMatrixTest}.
 */
class HelviaFaultSmokeTest extends AbstractFaultSmokeTest {
    @Override
    protected List<Named<OperationUnderTest<?, ?>>> operations() {
        return List.of(Named.of("health().check", HelviaOperations.HEALTH),
                Named.of("async().health().check", HelviaOperations.HEALTH_ASYNC),
                Named.of("messages().send", HelviaOperations.SEND),
                Named.of("async().messages().send", HelviaOperations.SEND_ASYNC));
    }
}
