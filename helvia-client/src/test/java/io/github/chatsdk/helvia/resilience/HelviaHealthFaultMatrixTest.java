package io.github.chatsdk.helvia.resilience;

import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaHealth;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

class HelviaHealthFaultMatrixTest extends AbstractFaultMatrixTest<HelviaClient, HelviaHealth> {
    @Override
    protected OperationUnderTest<HelviaClient, HelviaHealth> operation() {
        return HelviaOperations.HEALTH;
    }
}
