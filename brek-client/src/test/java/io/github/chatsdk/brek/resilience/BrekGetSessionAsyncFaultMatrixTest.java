package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.SessionSnapshot;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

/** The fault matrix through {@code brek.async()}: the same attempts, delays and exceptions as the synchronous call. */
class BrekGetSessionAsyncFaultMatrixTest extends AbstractFaultMatrixTest<BrekClient, SessionSnapshot> {
    @Override
    protected OperationUnderTest<BrekClient, SessionSnapshot> operation() {
        return BrekOperations.GET_SESSION_ASYNC;
    }
}
