package io.github.chatsdk.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Checks requests and responses against the vendor specs in {@code specs/} with an independent
 * validator (swagger-request-validator). The spec files are read unmodified; three known quirks
 * are handled here, in test set-up only:
 * <ul>
 *   <li>root-level {@code security} is ignored by the validator, so it is copied to each operation;</li>
 *   <li>extra properties are reported as errors by default; the specs allow them, so that is relaxed;</li>
 *   <li>Brek's {@code details: {nullable: true, oneOf: [...]}} has no {@code type}, so the spec's own
 *       {@code details: null} examples fail; the in-memory copy gives it an any-type schema.</li>
 * </ul>
 */
public final class SpecValidator {
    private final OpenApiInteractionValidator validator;

    private SpecValidator(String specFile) {
        OpenAPI api = load(specFile);
        this.validator = OpenApiInteractionValidator.createFor(api)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The validator of {@code specs/brek-partner-core-chat.yaml}. */
    public static SpecValidator brek() {
        return new SpecValidator("brek-partner-core-chat.yaml");
    }

    /** The validator of {@code specs/helvia-bot.json}. */
    public static SpecValidator helvia() {
        return new SpecValidator("helvia-bot.json");
    }

    /** The project's {@code specs/} folder, found from the working directory upwards. */
    public static Path specsDir() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("specs");
            if (Files.isRegularFile(candidate.resolve("brek-partner-core-chat.yaml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no specs/ folder above " + Paths.get("").toAbsolutePath());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static OpenAPI load(String specFile) {
        String text;
        try {
            text = Files.readString(specsDir().resolve(specFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIParser().readContents(text, null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("could not parse " + specFile);
        }
        if (api.getSecurity() != null) {
            for (PathItem item : api.getPaths().values()) {
                for (Operation op : item.readOperations()) {
                    if (op.getSecurity() == null) {
                        op.setSecurity(api.getSecurity());
                    }
                }
            }
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            for (Schema schema : api.getComponents().getSchemas().values()) {
                fixDetails(schema);
            }
        }
        // resolveFully inlines schemas into operations, so fix the copies there too
        for (PathItem item : api.getPaths().values()) {
            for (Operation op : item.readOperations()) {
                if (op.getResponses() != null) {
                    op.getResponses().values().forEach(r -> {
                        if (r.getContent() != null) {
                            r.getContent().values().forEach(mt -> fixDetails(mt.getSchema()));
                        }
                    });
                }
            }
        }
        return api;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void fixDetails(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getOneOf() != null) {
            for (Object s : schema.getOneOf()) {
                fixDetails((Schema) s);
            }
        }
        Map<String, Schema> props = schema.getProperties();
        if (props != null && props.containsKey("details")) {
            Schema any = new Schema();
            any.setNullable(true);
            props.put("details", any);
        }
    }

    /** Fails the test when the recorded request breaks the spec. */
    public void assertValidRequest(RecordedRequest recorded) {
        ValidationReport report = validator.validateRequest(toRequest(recorded));
        if (report.hasErrors()) {
            throw new AssertionError("request " + recorded.getMethod() + " " + recorded.getPath()
                    + " breaks the spec:\n" + format(report));
        }
    }

    /**
     * Fails the test when a request that another server recorded (a real server process's log)
     * breaks the spec.
     *
     * @param method the HTTP method
     * @param path the path with its query, as sent
     * @param headers the request's headers (names in any case)
     * @param body the request body, empty for none
     */
    public void assertValidRequest(String method, String path, Map<String, List<String>> headers, String body) {
        int q = path.indexOf('?');
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, q < 0 ? path : path.substring(0, q));
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        headers.forEach(b::withHeader);
        if (q >= 0) {
            okhttp3.HttpUrl url = okhttp3.HttpUrl.get("http://localhost" + path);
            for (String name : url.queryParameterNames()) {
                b.withQueryParam(name, url.queryParameterValues(name));
            }
        }
        ValidationReport report = validator.validateRequest(b.build());
        if (report.hasErrors()) {
            throw new AssertionError("request " + method + " " + path + " breaks the spec:\n" + format(report));
        }
    }

    /** The validation messages of a request (empty when it conforms). */
    public List<ValidationReport.Message> requestViolations(RecordedRequest recorded) {
        return validator.validateRequest(toRequest(recorded)).getMessages();
    }

    /** Fails the test when the response breaks the spec for that operation and status. */
    public void assertValidResponse(String method, String path, int status, Headers headers, String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        for (String name : headers.names()) {
            b.withHeader(name, headers.values(name));
        }
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        ValidationReport report = validator.validateResponse(pathOnly, Request.Method.valueOf(method), b.build());
        if (report.hasErrors()) {
            throw new AssertionError("response " + status + " to " + method + " " + path + " breaks the spec:\n"
                    + format(report) + "\nbody: " + body);
        }
    }

    private static Request toRequest(RecordedRequest recorded) {
        String path = recorded.getRequestUrl() == null ? recorded.getPath() : recorded.getRequestUrl().encodedPath();
        SimpleRequest.Builder b = new SimpleRequest.Builder(recorded.getMethod(), path);
        String body = recorded.getBody().clone().readUtf8();
        if (!body.isEmpty()) {
            b.withBody(body);
        }
        for (String name : recorded.getHeaders().names()) {
            b.withHeader(name, recorded.getHeaders().values(name));
        }
        if (recorded.getRequestUrl() != null) {
            for (String q : recorded.getRequestUrl().queryParameterNames()) {
                b.withQueryParam(q, recorded.getRequestUrl().queryParameterValues(q));
            }
        }
        return b.build();
    }

    private static String format(ValidationReport report) {
        StringBuilder sb = new StringBuilder();
        for (ValidationReport.Message m : report.getMessages()) {
            sb.append("  - [").append(m.getLevel()).append("] ").append(m.getKey()).append(": ")
                    .append(m.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
