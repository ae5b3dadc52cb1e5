package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.EVENTS;
import static io.github.chatsdk.brek.SpecExamples.SESSION;
import static io.github.chatsdk.brek.SpecExamples.SESSIONS;

/** The three Brek operations, each run the way a user would call it, for tests that cover all of them. */
enum BrekOperation {
    CREATE_SESSION("POST", SESSIONS, "post", SESSIONS),
    SEND_EVENT("POST", EVENTS, "post", EVENTS),
    GET_SESSION("GET", SESSION, "get", SESSIONS + "/" + BrekServerTest.SESSION_ID);

    /** The HTTP method. */
    final String method;
    /** The path template as the spec names it. */
    final String specPath;
    /** The method as the spec names it. */
    final String specMethod;
    /** The concrete path the run requests. */
    final String path;

    BrekOperation(String method, String specPath, String specMethod, String path) {
        this.method = method;
        this.specPath = specPath;
        this.specMethod = specMethod;
        this.path = path;
    }

    /** Runs the operation: a session for partner_user_001, a booking event, or the snapshot of SESSION_ID. */
    Object run(BrekClient client) {
        switch (this) {
            case CREATE_SESSION:
                return client.sessions().create(CreateSession.forActor("partner_user_001"));
            case SEND_EVENT:
                return client.events().bookOption(BrekServerTest.SESSION_ID, "1375108c-d021-4e45-a54a-e11ef553af07");
            default:
                return client.sessions().get(BrekServerTest.SESSION_ID);
        }
    }

    /** Whether the operation sends an idempotency key. */
    boolean sendsKey() {
        return this == SEND_EVENT;
    }

    /** The spec's 200 example for this operation. */
    String successExample() {
        return SpecExamples.response(specPath, specMethod, "200", this == SEND_EVENT ? "shortlist" : "success");
    }
}
