package io.github.chatsdk.brek.logging;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.core.Sleeper;

/**
 * What a user's program does, run in a fresh JVM by {@link LogOutputInAFreshJvmTest}: a client
 * from the environment ({@code BREK_BASE_URL}, {@code BREK_API_KEY}, {@code CHATSDK_LOG}) sends one
 * event. The sleeper only spares the test the real backoff of the retry the server asks for.
 */
public final class LoggedCall {
    private LoggedCall() {
    }

    public static void main(String[] args) {
        try (BrekClient brek = BrekClient.builder().fromEnv().sleeper(Sleeper.of(d -> { })).build()) {
            brek.events().sendText("sess_1", "partner_user_001", "Seattle Mar 20-23");
        }
        System.out.println("call done");
    }
}
