// The wrapper of fragments marked <!-- fragment: SandboxCode -->: a test's code that has both test-kit
// sandboxes and a Brek session id. The fragment's own imports replace //IMPORTS.
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.HelviaSandbox;
//IMPORTS

class SandboxCode {
    void snippet(BrekSandbox brek, HelviaSandbox helvia, String sessionId) throws Exception {
//SNIPPET
    }
}
