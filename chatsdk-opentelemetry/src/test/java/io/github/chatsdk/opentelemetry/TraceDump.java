package io.github.chatsdk.opentelemetry;

import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a trace as an indented tree (spans, their attributes and events, times relative to the
 * root's start) and the metrics beside it, under {@code target/observability/}: the sample that
 * {@code docs/observability.md} shows comes from such a file.
 */
final class TraceDump {
    private TraceDump() {
    }

    static void write(String name, List<SpanData> spans, Collection<MetricData> metrics, List<String> received) {
        SpanData root = spans.stream().filter(s -> !s.getParentSpanContext().isValid()).findFirst().orElseThrow();
        StringBuilder out = new StringBuilder();
        out.append("trace ").append(root.getTraceId()).append('\n');
        tree(out, root, spans, root.getStartEpochNanos(), "");
        out.append("\nreceived by the sandbox:\n");
        received.forEach(r -> out.append("  ").append(r).append('\n'));
        out.append("\nmetrics:\n");
        for (MetricData m : metrics.stream().sorted((a, b) -> a.getName().compareTo(b.getName()))
                .collect(Collectors.toList())) {
            out.append("  ").append(m.getName()).append(" (").append(m.getType()).append(", ").append(m.getUnit())
                    .append(")\n");
            m.getData().getPoints().forEach(p -> out.append("    ").append(point(p)).append('\n'));
        }
        Path file = Paths.get("target", "observability", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String point(io.opentelemetry.sdk.metrics.data.PointData p) {
        String value;
        if (p instanceof io.opentelemetry.sdk.metrics.data.HistogramPointData) {
            io.opentelemetry.sdk.metrics.data.HistogramPointData h = (io.opentelemetry.sdk.metrics.data.HistogramPointData) p;
            value = "count=" + h.getCount() + " sum=" + String.format(java.util.Locale.ROOT, "%.4f", h.getSum());
        } else if (p instanceof io.opentelemetry.sdk.metrics.data.LongPointData) {
            value = "value=" + ((io.opentelemetry.sdk.metrics.data.LongPointData) p).getValue();
        } else {
            value = p.toString();
        }
        return p.getAttributes().asMap().entrySet().stream().map(e -> e.getKey().getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(" ", "{", "} ")) + value;
    }

    private static void tree(StringBuilder out, SpanData span, List<SpanData> all, long t0, String indent) {
        out.append(indent).append(span.getName()).append("  [").append(span.getKind()).append(", ")
                .append(ms(span.getStartEpochNanos() - t0)).append(" .. ").append(ms(span.getEndEpochNanos() - t0))
                .append(", status ").append(span.getStatus().getStatusCode()).append("]  span ")
                .append(span.getSpanId()).append('\n');
        span.getAttributes().asMap().entrySet().stream()
                .map(e -> e.getKey().getKey() + " = " + e.getValue())
                .sorted()
                .forEach(a -> out.append(indent).append("    ").append(a).append('\n'));
        for (EventData e : span.getEvents()) {
            out.append(indent).append("    event ").append(e.getName()).append(" at ").append(ms(e.getEpochNanos() - t0))
                    .append(": ");
            out.append(e.getAttributes().asMap().entrySet().stream()
                    .filter(a -> !a.getKey().getKey().equals("exception.stacktrace"))
                    .map(a -> a.getKey().getKey() + "=" + a.getValue()).sorted().collect(Collectors.joining(", ")))
                    .append('\n');
        }
        all.stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .forEach(child -> tree(out, child, all, t0, indent + "  "));
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
