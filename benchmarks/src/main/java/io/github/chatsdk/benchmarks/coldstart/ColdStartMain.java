package io.github.chatsdk.benchmarks.coldstart;

import io.github.chatsdk.benchmarks.BrekVariants;
import io.github.chatsdk.benchmarks.HelviaVariants;

/**
 * One cold start, run as a fresh JVM by {@link ColdStartRunner}: builds the client of one variant,
 * makes one call, prints {@code done <nanos spent in main>} and exits. The parent measures the
 * whole process from its start to that line.
 *
 * <p>Usage: {@code ColdStartMain brek|helvia floor|generated|facade BASE_URL}
 */
public final class ColdStartMain {
    private ColdStartMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        if (args.length != 3) {
            System.err.println("usage: ColdStartMain brek|helvia floor|generated|facade BASE_URL");
            System.exit(2);
        }
        String summary = run(args[0], args[1], args[2]);
        long nanos = System.nanoTime() - start;
        System.out.println("done " + nanos + " " + summary);
        System.out.flush();
        // exit at once: the measurement is over, and client threads must not delay the exit
        Runtime.getRuntime().halt(0);
    }

    /**
     * Builds the variant's client, makes one call and returns a short summary of the parsed result.
     */
    public static String run(String api, String variant, String baseUrl) throws Exception {
        switch (api + "/" + variant) {
            case "brek/floor": {
                BrekVariants.Floor c = new BrekVariants.Floor(baseUrl);
                return c.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT).data.result.status;
            }
            case "brek/generated": {
                BrekVariants.Generated c = new BrekVariants.Generated(baseUrl);
                return c.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT).getData()
                        .getResult().getStatus();
            }
            case "brek/facade": {
                BrekVariants.Facade c = new BrekVariants.Facade(baseUrl);
                return c.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT).status();
            }
            case "helvia/floor": {
                HelviaVariants.Floor c = new HelviaVariants.Floor(baseUrl);
                return c.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT).status;
            }
            case "helvia/generated": {
                HelviaVariants.Generated c = new HelviaVariants.Generated(baseUrl);
                return String.valueOf(c.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT).getStatus());
            }
            case "helvia/facade": {
                HelviaVariants.Facade c = new HelviaVariants.Facade(baseUrl);
                return c.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT).status().orElse("?");
            }
            default:
                throw new IllegalArgumentException("unknown variant " + api + "/" + variant);
        }
    }
}
