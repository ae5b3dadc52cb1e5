package io.github.chatsdk.testsupport;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that a client leaves no thread behind after {@code close()}. */
public final class ThreadLeaks {
    private ThreadLeaks() {
    }

    /** The live threads now, to pass to {@link #assertNoClientThreadRemains(Set)} later. */
    public static Set<Thread> snapshot() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * The threads started since {@code before} that are still alive, except the test servers'
     * ({@code MockWebServer ...}) and OkHttp's and Okio's process-wide daemons.
     */
    public static List<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("MockWebServer"))
                // daemon threads shared by the whole process: OkHttp's and Okio's, and the JDK's delay
                // scheduler behind CompletableFuture.delayedExecutor (what Sleeper.system() waits with)
                // (a TaskRunner thread takes the name of the task it runs, such as OkHttp 4's "OkHttp
                // ConnectionPool connection closer"; OkHttp's dispatcher threads are not daemons)
                .filter(t -> !(t.isDaemon() && (t.getName().startsWith("OkHttp ")
                        || t.getName().equals("Okio Watchdog") || t.getName().equals("CompletableFutureDelayScheduler"))))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .collect(Collectors.toList());
    }

    /**
     * After {@code close()} no thread started for the client remains (waiting up to 5 s for threads
     * that are ending). OkHttp's task runner and Okio's timeout watchdog are process-wide daemon
     * threads shared by every OkHttp client (they exit by themselves after 60 s idle), and
     * MockWebServer's threads belong to the test server: those are allowed.
     *
     * @param before the threads alive before the client was built
     * @throws InterruptedException when interrupted while waiting
     */
    public static void assertNoClientThreadRemains(Set<Thread> before) throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = startedSince(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("threads left after close(): " + left);
    }
}
