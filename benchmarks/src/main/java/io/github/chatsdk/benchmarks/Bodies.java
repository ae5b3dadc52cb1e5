package io.github.chatsdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fixed response bodies the {@link LoopbackServer} answers with: the specs' own examples
 * (Brek {@code sendPartnerCoreChatEvent} 200 {@code shortlist}, Helvia {@code POST /api/events}
 * 200 {@code textResponse}), written as compact JSON. A unit test checks that they still equal the
 * examples in {@code specs/}.
 */
public final class Bodies {
    /** Resource of the Brek body. */
    public static final String BREK_SEND_EVENT = "/bodies/brek-send-event-200.json";
    /** Resource of the Helvia body. */
    public static final String HELVIA_SEND = "/bodies/helvia-send-200.json";

    private Bodies() {
    }

    /** @return a copy of the Brek send-event 200 body */
    public static byte[] brekSendEvent() {
        return read(BREK_SEND_EVENT);
    }

    /** @return a copy of the Helvia send 200 body */
    public static byte[] helviaSend() {
        return read(HELVIA_SEND);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Bodies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
