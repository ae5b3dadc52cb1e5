package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One operation's HTTP request as the generated code describes it: the method, the path template
 * and its parameters, the query, the headers the spec declares, whether the spec asks for a
 * credential, and the body the generated JSON wrote. The generated {@code *Api} classes (from the
 * template {@code sdk-core/src/main/codegen/api.mustache}) build these; this class alone turns one
 * into an OkHttp request against a client's base URL. Immutable.
 */
public final class ApiRequest {
    /** The media type of a JSON body: what OkHttp gives a string body of {@code application/json}. */
    private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=utf-8");

    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final Map<String, String> pathParams;
    private final List<String[]> query;
    private final Map<String, String> headers;
    private final boolean authenticated;
    private final String body;

    private ApiRequest(Builder b) {
        this.operationId = b.operationId;
        this.method = b.method;
        this.pathTemplate = b.pathTemplate;
        this.pathParams = Map.copyOf(b.pathParams);
        this.query = List.copyOf(b.query);
        this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.authenticated = b.authenticated;
        this.body = b.body;
    }

    /**
     * Starts the description of one call of an operation.
     *
     * @param operationId the spec's operation id
     * @param method the HTTP method
     * @param pathTemplate the spec's path, such as {@code /api/sessions/{sessionId}}
     * @return the builder
     */
    public static Builder builder(String operationId, String method, String pathTemplate) {
        return new Builder(operationId, method, pathTemplate);
    }

    /** @return the spec's operation id */
    public String operationId() {
        return operationId;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return whether the spec asks for a credential on this operation */
    public boolean authenticated() {
        return authenticated;
    }

    /** @return the JSON body, or {@code null} when the operation sends none */
    public String body() {
        return body;
    }

    /**
     * The URL of this call on a server: the path template filled with the parameters, each
     * percent-encoded as one path segment (a {@code /} in a value cannot change the path).
     *
     * @param base the client's base URL (its path, if any, is kept as a prefix)
     * @return the URL
     * @throws InvalidInputException when a path parameter is empty, {@code .} or {@code ..}
     */
    public HttpUrl url(HttpUrl base) {
        HttpUrl.Builder b = base.newBuilder();
        for (String segment : pathTemplate.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            b.addEncodedPathSegment(fill(segment));
        }
        for (String[] q : query) {
            b.addQueryParameter(q[0], q[1]);
        }
        return b.build();
    }

    /**
     * A template segment with its {@code {name}} parameters replaced by their percent-encoded values:
     * everything but letters, digits and {@code -._*} is encoded, as the generated code did, so that
     * no server reads a {@code ;}, {@code =} or {@code +} of an id as path syntax.
     */
    private String fill(String segment) {
        int open = segment.indexOf('{');
        if (open < 0) {
            return segment;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (open >= 0) {
            int close = segment.indexOf('}', open);
            out.append(segment, from, open);
            String name = segment.substring(open + 1, close);
            String value = pathParams.get(name);
            if (value == null) {
                throw new IllegalStateException("no value for path parameter " + name + " of " + operationId);
            }
            out.append(encode(value));
            from = close + 1;
            open = segment.indexOf('{', from);
        }
        out.append(segment, from, segment.length());
        String filled = out.toString();
        if (filled.isEmpty() || filled.equals(".") || filled.equals("..")) {
            throw new InvalidInputException(pathParams.keySet().iterator().next(), "must not be empty, '.' or '..'");
        }
        return filled;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The OkHttp request of one attempt, before the client adds its own headers.
     *
     * @param base the client's base URL
     * @return a request builder with the URL, the method, the spec's headers and the body
     */
    public Request.Builder toRequest(HttpUrl base) {
        Request.Builder b = new Request.Builder().url(url(base));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        RequestBody requestBody = body == null ? null : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON_UTF8);
        if (requestBody == null && !"GET".equals(method) && !"HEAD".equals(method)) {
            requestBody = RequestBody.create(new byte[0], JSON_UTF8);
        }
        return b.method(method, requestBody);
    }

    @Override
    public String toString() {
        return "ApiRequest{" + operationId + ": " + method + ' ' + pathTemplate + '}';
    }

    /** Builds an {@link ApiRequest}; used by the generated code. */
    public static final class Builder {
        private final String operationId;
        private final String method;
        private final String pathTemplate;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private final List<String[]> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean authenticated;
        private String body;

        private Builder(String operationId, String method, String pathTemplate) {
            this.operationId = Objects.requireNonNull(operationId, "operationId == null");
            this.method = Objects.requireNonNull(method, "method == null");
            this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate == null");
        }

        /**
         * @param name the template's parameter name
         * @param value its value, sent as its string form
         * @return this builder
         */
        public Builder pathParam(String name, Object value) {
            pathParams.put(name, String.valueOf(Objects.requireNonNull(value, name + " == null")));
            return this;
        }

        /**
         * @param name the query parameter
         * @param value its value; {@code null} leaves the parameter out
         * @return this builder
         */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(new String[] {name, String.valueOf(value)});
            }
            return this;
        }

        /**
         * @param name a header the spec declares (a parameter, {@code Accept})
         * @param value its value; {@code null} leaves the header out
         * @return this builder
         */
        public Builder header(String name, Object value) {
            if (value != null) {
                headers.put(name, String.valueOf(value));
            }
            return this;
        }

        /**
         * @param authenticated whether the spec lists a security scheme for the operation
         * @return this builder
         */
        public Builder authenticated(boolean authenticated) {
            this.authenticated = authenticated;
            return this;
        }

        /**
         * @param json the request body as the generated JSON wrote it
         * @return this builder
         */
        public Builder body(String json) {
            this.body = json;
            return this;
        }

        /** @return the request */
        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
