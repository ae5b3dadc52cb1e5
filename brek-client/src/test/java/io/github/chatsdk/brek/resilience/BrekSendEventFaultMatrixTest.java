package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

class BrekSendEventFaultMatrixTest extends AbstractFaultMatrixTest<BrekClient, EventResult> {
    @Override
    protected OperationUnderTest<BrekClient, EventResult> operation() {
        return BrekOperations.SEND_EVENT;
    }
}
