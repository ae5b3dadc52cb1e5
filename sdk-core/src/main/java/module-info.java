/**
 * What the chatsdk clients share: the exception hierarchy, response metadata, rate limits,
 * idempotency keys, the common builder settings and the transport behind them.
 *
 * <p>Only {@code io.github.chatsdk.core} is API. The {@code internal} packages are read by the two
 * clients alone; Gson may reflect on {@code internal} (the any-JSON type of error details).
 */
@SuppressWarnings("module") // the qualified exports name the clients, which are compiled after this module
module io.github.chatsdk.core {
    // nullness of the API (@NullMarked packages, @Nullable): transitive, because the annotations are
    // part of the exported signatures and the jar is a regular (non-optional) dependency, always present
    requires transitive org.jspecify;
    // OkHttpClient (BaseClientBuilder.okHttpClient) and JsonElement (details) are in the API
    requires transitive okhttp3;
    requires transitive com.google.gson;
    requires okio;
    // LogRouting reads whether the application configured java.util.logging (okhttp3 requires it too)
    requires java.logging;

    exports io.github.chatsdk.core;
    exports io.github.chatsdk.core.internal to io.github.chatsdk.brek, io.github.chatsdk.helvia;
    // for the clients' tests, which are compiled into the client modules (they use Transport)
    exports io.github.chatsdk.core.internal.transport to io.github.chatsdk.brek, io.github.chatsdk.helvia;

    opens io.github.chatsdk.core.internal to com.google.gson;
}
