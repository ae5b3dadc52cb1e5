package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.testsupport.AbstractFaultSmokeTest;
import io.github.chatsdk.testsupport.OperationUnderTest;
import java.util.List;
import org.junit.jupiter.api.Named;

/**
 * The Brek client's wiring to the core's transport, proven by a few fault rows: {@code POST /events}
 * (retry-safe, every event carries an idempotency key) and {@code POST /sessions} (not retry-safe),
 * synchronously and through {@code client.async()}. Every fault row is proven in sdk-core's
 * {@code FaultMatrixTest}.
 */
class BrekFaultSmokeTest extends AbstractFaultSmokeTest {
    @Override
    protected List<Named<OperationUnderTest<?, ?>>> operations() {
        return List.of(Named.of("events().send", BrekOperations.SEND_EVENT),
                Named.of("async().events().send", BrekOperations.SEND_EVENT_ASYNC),
                Named.of("sessions().create", BrekOperations.CREATE_SESSION),
                Named.of("async().sessions().create", BrekOperations.CREATE_SESSION_ASYNC));
    }
}
