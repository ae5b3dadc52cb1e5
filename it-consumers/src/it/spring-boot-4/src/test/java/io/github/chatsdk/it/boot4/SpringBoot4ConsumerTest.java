package io.github.chatsdk.it.boot4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.chatsdk.it.common.ConsumerCalls;
import io.github.chatsdk.it.common.Resolved;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The clients in a Spring Boot 4.1 application with spring-boot-starter-opentelemetry: one OkHttp
 * on the class path (ours, 5.x, nearest in the tree), used by both our clients and the
 * OpenTelemetry OTLP exporter that Boot configures.
 */
class SpringBoot4ConsumerTest {

    /** The application: nothing but Boot's auto-configuration. */
    @SpringBootApplication
    static class App {
    }

    private static String bootManaged(String property) throws IOException {
        String bom = Files.readString(Path.of(System.getProperty("spring-boot.bom")), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(bom);
        return m.find() ? m.group(1).trim() : "(not managed by Boot)";
    }

    @Test
    void exactlyOneJarHoldsOkHttpAndItIsOurOkHttp5() throws IOException {
        Resolved.print();
        System.out.println("[consumer] Spring Boot " + System.getProperty("spring-boot.version") + " manages okhttp: "
                + bootManaged("okhttp.version") + ", kotlin: " + bootManaged("kotlin.version"));
        Resolved.oneOkHttp("okhttp-jvm-" + System.getProperty("expected.okhttp") + ".jar");
        assertEquals(System.getProperty("expected.okhttp"), Resolved.okhttp());
        assertEquals(1, Resolved.jarsHolding("okio/Buffer.class").size(), "one Okio");
        assertEquals(bootManaged("kotlin.version"), Resolved.kotlin(), "kotlin-stdlib is Boot's");
        assertEquals(bootManaged("gson.version"), Resolved.gson(), "Gson is Boot's");
    }

    @Test
    void theCallsRunInsideASpanThatBootsOtlpExporterDeliversOverTheSameOkHttp() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length + " bytes");
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try {
            String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                    .web(WebApplicationType.NONE)
                    .properties("management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint,
                            "management.tracing.sampling.probability=1.0",
                            "management.otlp.metrics.export.enabled=false")
                    .run()) {
                OpenTelemetry otel = context.getBean(OpenTelemetry.class);
                Span span = otel.getTracer("it-consumers").spanBuilder("chatsdk calls").startSpan();
                try (Scope scope = span.makeCurrent()) {
                    ConsumerCalls.brekSessionAndEvent();
                    ConsumerCalls.helviaMessage();
                } finally {
                    span.end();
                }
            } // closing the context shuts the tracer provider down, which exports what it holds
            System.out.println("[consumer] the OTLP receiver got: " + received);
            assertTrue(received.stream().anyMatch(r -> r.startsWith("POST /v1/traces application/x-protobuf")),
                    "Boot's OTLP exporter delivered the span: " + received);
        } finally {
            collector.stop(0);
        }
    }
}
