/**
 * In-process fake servers of the Brek Partner Core Chat API ({@link io.github.chatsdk.testkit.BrekSandbox})
 * and the Helvia.ai Bot API ({@link io.github.chatsdk.testkit.HelviaSandbox}), for examples, for
 * chatsdk's own tests and for the tests of applications that use chatsdk (or any other client of
 * these APIs).
 *
 * <p>Each sandbox is a real HTTP/1.1 server on a free port of 127.0.0.1: stateful, deterministic,
 * valid against the vendor's spec, with fault injection ({@link io.github.chatsdk.testkit.Faults})
 * and a log of every request ({@link io.github.chatsdk.testkit.SandboxRequest}).
 *
 * <pre>{@code
 * try (BrekSandbox brek = BrekSandbox.start()) {
 *     BrekClient client = BrekClient.builder().apiKey(brek.apiKey()).baseUrl(brek.baseUrl()).build();
 *     // ... exercise your code ...
 *     brek.faults().nextStatus(503, 2);          // then watch it retry
 * }
 * }</pre>
 *
 * <p>Dependencies: Gson (2.8.9 or newer; a sandbox refuses to start on an older one, naming the
 * version it needs) at run time; nothing else. The servers are the JDK's
 * {@code com.sun.net.httpserver} (module {@code jdk.httpserver}). The JUnit 5 extensions
 * ({@link io.github.chatsdk.testkit.BrekSandboxExtension}, {@link io.github.chatsdk.testkit.HelviaSandboxExtension})
 * need {@code junit-jupiter-api}, an optional dependency: it is not passed on, so a project that
 * does not use JUnit 5 does not get it, and one that does uses its own version.
 *
 * <p>Nullness: every type in this package is {@code @NullMarked} (JSpecify): nothing is null
 * unless marked {@code @Nullable}; absent values are {@code Optional}.
 */
@NullMarked
package io.github.chatsdk.testkit;

import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.NullMarked;
