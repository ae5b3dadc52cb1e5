// The wrapper of fragments marked <!-- fragment: HelviaCode -->: code that has a Helvia client, a
// conversation of it and an API token. The fragment's own imports replace //IMPORTS.
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
//IMPORTS

class HelviaCode {
    void snippet(HelviaClient helvia, HelviaConversation chat, String jwt) throws Exception {
//SNIPPET
    }
}
