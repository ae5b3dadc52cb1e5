/**
 * The Java client of the Helvia.ai Bot API: {@link io.github.chatsdk.helvia.HelviaClient}.
 *
 * <p>Only {@code io.github.chatsdk.helvia} is API. The generated code ({@code internal.generated})
 * is not exported; Gson reflects on its models.
 */
module io.github.chatsdk.helvia {
    // nullness of the API (@NullMarked packages, @Nullable): transitive, because the annotations are
    // part of the exported signatures and the jar is a regular (non-optional) dependency, always present
    requires transitive org.jspecify;
    requires transitive io.github.chatsdk.core;
    requires transitive okhttp3;
    requires transitive com.google.gson;
    requires okio;
    // the generated oneOf wrappers log through java.util.logging
    requires java.logging;
    // the generated models' @jakarta.annotation.Nullable/Nonnull: not needed at run time
    requires static jakarta.annotation;

    exports io.github.chatsdk.helvia;

    opens io.github.chatsdk.helvia.internal.generated.model to com.google.gson;
}
