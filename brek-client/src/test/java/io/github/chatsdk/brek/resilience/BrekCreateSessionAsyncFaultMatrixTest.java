package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

/** The fault matrix through {@code brek.async()}: the same attempts, delays and exceptions as the synchronous call. */
class BrekCreateSessionAsyncFaultMatrixTest extends AbstractFaultMatrixTest<BrekClient, Session> {
    @Override
    protected OperationUnderTest<BrekClient, Session> operation() {
        return BrekOperations.CREATE_SESSION_ASYNC;
    }
}
