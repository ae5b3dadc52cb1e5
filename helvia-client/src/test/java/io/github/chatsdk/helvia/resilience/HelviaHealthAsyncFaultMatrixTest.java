package io.github.chatsdk.helvia.resilience;

import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaHealth;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

/** The fault matrix through {@code helvia.async()}: the same attempts, delays and exceptions as the synchronous call. */
class HelviaHealthAsyncFaultMatrixTest extends AbstractFaultMatrixTest<HelviaClient, HelviaHealth> {
    @Override
    protected OperationUnderTest<HelviaClient, HelviaHealth> operation() {
        return HelviaOperations.HEALTH_ASYNC;
    }
}
