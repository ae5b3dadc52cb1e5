/**
 * OpenTelemetry traces and metrics for the chatsdk clients: {@link io.github.chatsdk.opentelemetry.ChatSdkTelemetry},
 * a {@link io.github.chatsdk.core.CallListener} that turns each call into a span with a CLIENT span per HTTP attempt,
 * propagates the trace context to the server, and records HTTP client and chatsdk metrics.
 */
package io.github.chatsdk.opentelemetry;
