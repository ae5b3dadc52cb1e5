package io.github.chatsdk.testkit;

/** What one fake API does with requests; the {@link SandboxServer} does the HTTP and the faults. */
interface SandboxApi {
    /** Processes a request (changes state where it should) and decides the response. */
    Reply handle(Incoming in);

    /** The response of a {@link Fault.Kind#STATUS} fault, in the API's error shape; no state changes. */
    Reply faultReply(Fault fault, Incoming in);

    /** The response when the sandbox itself failed (a bug): a 500 in the API's error shape. */
    Reply internalError(Incoming in, RuntimeException e);

    /** Forgets all state (sessions, tags, rate-limit windows). */
    void reset();
}
