// The wrapper of fragments marked <!-- fragment: BothClients -->: code that has a client of each API.
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.helvia.HelviaClient;
//IMPORTS

class BothClients {
    void snippet(BrekClient brek, HelviaClient helvia, String sessionId, String actorId, String traceId) throws Exception {
//SNIPPET
    }
}
