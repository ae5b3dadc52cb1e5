package io.github.chatsdk.helvia.resilience;

import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.testsupport.AbstractFaultMatrixTest;
import io.github.chatsdk.testsupport.OperationUnderTest;

class HelviaSendFaultMatrixTest extends AbstractFaultMatrixTest<HelviaClient, AgentReply> {
    @Override
    protected OperationUnderTest<HelviaClient, AgentReply> operation() {
        return HelviaOperations.SEND;
    }
}
