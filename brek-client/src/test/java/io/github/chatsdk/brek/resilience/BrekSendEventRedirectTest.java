package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.testsupport.AbstractRedirectSecurityTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

class BrekSendEventRedirectTest extends AbstractRedirectSecurityTest<BrekClient, EventResult> {
    @Override
    protected OperationUnderTest<BrekClient, EventResult> operation() {
        return BrekOperations.SEND_EVENT;
    }
}
