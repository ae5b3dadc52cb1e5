package io.github.chatsdk.helvia.resilience;

import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HealthStatus;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

class HelviaHealthFaultMatrixTest extends AbstractFaultMatrixTest<HelviaClient, HealthStatus> {
    @Override
    protected OperationUnderTest<HelviaClient, HealthStatus> operation() {
        return HelviaOperations.HEALTH;
    }
}
