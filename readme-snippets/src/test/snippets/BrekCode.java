// The wrapper of README/docs fragments marked <!-- fragment: BrekCode -->: code that has a Brek
// client and the values a Brek conversation carries. The fragment's own imports replace //IMPORTS.
import io.github.chatsdk.brek.BrekClient;
//IMPORTS

class BrekCode {
    void snippet(BrekClient brek, String key, String sessionId, String actorId, String optionId, String traceId)
            throws Exception {
//SNIPPET
    }
}
