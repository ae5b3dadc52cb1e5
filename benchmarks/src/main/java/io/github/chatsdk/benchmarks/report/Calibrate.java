package io.github.chatsdk.benchmarks.report;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two fixed workloads that show how busy the machine is, in the report next to the load average
 * (which, on cores shared with other tenants, does not show their load): a single-threaded CPU
 * loop (SHA-256 over 64 KiB, 2,000 times) and a loopback TCP ping-pong (1 byte each way, 5,000
 * round trips, two threads), each timed 5 times. On an idle machine the timings agree and match
 * between the runs before and after the benchmarks.
 *
 * <p>Prints {@code cpu: best/median/worst ms; loopback round trip: best/median/worst us}.
 */
public final class Calibrate {
    private static final int ROUNDS = 5;

    private Calibrate() {
    }

    public static void main(String[] args) throws Exception {
        double[] cpu = cpu();
        double[] rtt = loopback();
        System.out.println(String.format(Locale.ROOT,
                "CPU loop %.0f / %.0f / %.0f ms, loopback round trip %.1f / %.1f / %.1f µs (best / median / worst of %d)",
                cpu[0], cpu[ROUNDS / 2], cpu[ROUNDS - 1], rtt[0], rtt[ROUNDS / 2], rtt[ROUNDS - 1], ROUNDS));
    }

    private static double[] cpu() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] data = new byte[64 * 1024];
        byte[] sink = sha.digest(data);
        for (int i = 0; i < 500; i++) { // warm-up
            sink = sha.digest(data);
        }
        double[] ms = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                data[i] ^= sink[i & 31];
                sink = sha.digest(data);
            }
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double[] loopback() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    int b;
                    while ((b = in.read()) >= 0) {
                        out.write(b);
                    }
                } catch (Exception e) {
                    // the client closed
                }
            }, "calibrate-echo");
            echo.setDaemon(true);
            echo.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 2000; i++) { // warm-up
                    out.write(1);
                    in.read();
                }
                double[] us = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 5000; i++) {
                        out.write(1);
                        in.read();
                    }
                    us[r] = (System.nanoTime() - t0) / 1e3 / 5000;
                }
                Arrays.sort(us);
                return us;
            }
        }
    }
}
