package io.github.chatsdk.helvia.resilience;

import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HealthStatus;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

/** The fault matrix through {@code helvia.async()}: the same attempts, delays and exceptions as the synchronous call. */
class HelviaHealthAsyncFaultMatrixTest extends AbstractFaultMatrixTest<HelviaClient, HealthStatus> {
    @Override
    protected OperationUnderTest<HelviaClient, HealthStatus> operation() {
        return HelviaOperations.HEALTH_ASYNC;
    }
}
