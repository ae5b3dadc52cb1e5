package io.github.chatsdk.it.real;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.core.BaseClientBuilder;
import io.github.chatsdk.helvia.HelviaClient;
import java.util.function.UnaryOperator;

/** One Brek and one Helvia client on the same server, built with the same transport settings. */
final class Clients implements AutoCloseable {
    static final String BREK_KEY = "brek_live_real_connections_5f3a9c";
    static final String HELVIA_TOKEN = "eyJhbGciOiJIUzI1NiJ9.cmVhbC1jb25uZWN0aW9ucw.helvia-secret-3b8e";
    static final String HANDLE = "my-agent-handle";

    final BrekClient brek;
    final HelviaClient helvia;

    private Clients(BrekClient brek, HelviaClient helvia) {
        this.brek = brek;
        this.helvia = helvia;
    }

    /** Default clients on {@code baseUrl}. */
    static Clients on(String baseUrl) {
        return on(baseUrl, new Settings() {
        });
    }

    /** Clients on {@code baseUrl} with {@code settings} applied to both builders. */
    static Clients on(String baseUrl, Settings settings) {
        BrekClient brek = settings.apply(BrekClient.builder().baseUrl(baseUrl)).apiKey(BREK_KEY).build();
        HelviaClient helvia = settings.apply(HelviaClient.builder().baseUrl(baseUrl)).apiToken(HELVIA_TOKEN)
                .handle(HANDLE).build();
        return new Clients(brek, helvia);
    }

    /** Transport settings for both builders (a generic method, so one lambda cannot express it). */
    interface Settings {
        default <B extends BaseClientBuilder<B>> B apply(B builder) {
            return builder;
        }
    }

    /** Settings that run {@code f} on each builder. */
    static Settings with(UnaryOperator<BaseClientBuilder<?>> f) {
        return new Settings() {
            @Override
            @SuppressWarnings("unchecked")
            public <B extends BaseClientBuilder<B>> B apply(B builder) {
                return (B) f.apply(builder);
            }
        };
    }

    @Override
    public void close() {
        brek.close();
        helvia.close();
    }
}
