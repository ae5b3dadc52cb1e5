package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.testsupport.AbstractRedirectSecurityTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

class BrekCreateSessionRedirectTest extends AbstractRedirectSecurityTest<BrekClient, Session> {
    @Override
    protected OperationUnderTest<BrekClient, Session> operation() {
        return BrekOperations.CREATE_SESSION;
    }
}
