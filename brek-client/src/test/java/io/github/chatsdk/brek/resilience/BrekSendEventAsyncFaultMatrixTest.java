package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

/** The fault matrix through {@code brek.async()}: the same attempts, delays and exceptions as the synchronous call. */
class BrekSendEventAsyncFaultMatrixTest extends AbstractFaultMatrixTest<BrekClient, EventResult> {
    @Override
    protected OperationUnderTest<BrekClient, EventResult> operation() {
        return BrekOperations.SEND_EVENT_ASYNC;
    }
}
