/** A user's modular application of both chatsdk clients and the test kit. */
module io.github.chatsdk.it.modulepath {
    requires io.github.chatsdk.brek;
    requires io.github.chatsdk.helvia;
    requires io.github.chatsdk.testkit;
}
