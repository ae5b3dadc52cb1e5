package io.github.chatsdk.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.testsupport.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A plain OkHttp client for the sandbox tests. OkHttp's silent retry is off, so a disconnect is
 * seen as one. Every response it receives is checked against the spec.
 */
final class Http {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final String baseUrl;
    private final SpecValidator validator;
    private final boolean brek;

    Http(String baseUrl, SpecValidator validator, boolean brek) {
        this(baseUrl, validator, brek, Duration.ofSeconds(10));
    }

    Http(String baseUrl, SpecValidator validator, boolean brek, Duration readTimeout) {
        this.client = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(readTimeout).build();
        this.baseUrl = baseUrl;
        this.validator = validator;
        this.brek = brek;
    }

    Http withReadTimeout(Duration readTimeout) {
        return new Http(baseUrl, validator, brek, readTimeout);
    }

    /** A finished exchange. */
    static final class Res {
        final int status;
        final Headers headers;
        final String body;

        Res(int status, Headers headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        JsonObject data() {
            return json().getAsJsonObject("data");
        }

        String header(String name) {
            return headers.get(name);
        }

        String at(String dottedPath) {
            JsonElement e = json();
            for (String step : dottedPath.split("\\.")) {
                e = e.getAsJsonObject().get(step);
            }
            return e == null || e.isJsonNull() ? null : e.getAsString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Res post(String path, String json, String... headerPairs) {
        return send("POST", path, json, headerPairs);
    }

    Res get(String path, String... headerPairs) {
        return send("GET", path, null, headerPairs);
    }

    Res send(String method, String path, String json, String... headerPairs) {
        try {
            return sendOrThrow(method, path, json, headerPairs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Res sendOrThrow(String method, String path, String json, String... headerPairs) throws IOException {
        Request.Builder b = new Request.Builder().url(baseUrl + path);
        for (int i = 0; i < headerPairs.length; i += 2) {
            b.addHeader(headerPairs[i], headerPairs[i + 1]);
        }
        b.method(method, json == null ? null : RequestBody.create(json, JSON));
        try (Response response = client.newCall(b.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            SpecChecks.assertResponse(validator, brek, method, path, response.code(), response.headers(), text);
            return new Res(response.code(), response.headers(), text);
        }
    }
}
