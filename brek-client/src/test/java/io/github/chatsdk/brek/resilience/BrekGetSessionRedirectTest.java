package io.github.chatsdk.brek.resilience;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.SessionSnapshot;
import io.github.chatsdk.testsupport.AbstractRedirectSecurityTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

class BrekGetSessionRedirectTest extends AbstractRedirectSecurityTest<BrekClient, SessionSnapshot> {
    @Override
    protected OperationUnderTest<BrekClient, SessionSnapshot> operation() {
        return BrekOperations.GET_SESSION;
    }
}
