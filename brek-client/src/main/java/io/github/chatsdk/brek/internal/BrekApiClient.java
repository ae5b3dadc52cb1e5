package io.github.chatsdk.brek.internal;

import io.github.chatsdk.brek.internal.generated.ApiCallback;
import io.github.chatsdk.brek.internal.generated.ApiClient;
import io.github.chatsdk.brek.internal.generated.ApiException;
import io.github.chatsdk.brek.internal.generated.JSON;
import io.github.chatsdk.brek.internal.generated.Pair;
import io.github.chatsdk.core.internal.GeneratedSupport;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The generated {@code ApiClient} without its per-call waste, for the facade: the generated
 * operation classes build their calls through it unchanged.
 *
 * <ul>
 *   <li>JSON MIME checks use a regex compiled once (the generated code compiles it on every
 *       call, several times per request);</li>
 *   <li>a JSON body is encoded once, with a constant media type;</li>
 *   <li>the request URL is built and parsed once per distinct URL, not three times per call;</li>
 *   <li>the generated {@code JSON} class is not loaded when the client is built (its static
 *       initializer is most of a cold start's extra cost) and request bodies are written by
 *       {@link BrekRequestJson}, so it is loaded only when something needs the generated models;</li>
 *   <li>no credential step: this client never holds a credential (the transport adds the chosen
 *       scheme to every attempt), so the generated step, which serializes the body a second time
 *       and parses the URL as a {@code java.net.URI} for it, is skipped.</li>
 * </ul>
 *
 * <p>Anything the facade never sends (forms, multipart, cookies, progress callbacks, other
 * content types, empty bodies) goes through the generated code as before.
 */
public final class BrekApiClient extends ApiClient {
    private final GeneratedSupport.UrlCache urls = new GeneratedSupport.UrlCache();

    public BrekApiClient(OkHttpClient http) {
        super(http);
    }

    /** The generated set-up, except {@code json = new JSON()}: see {@link #getJSON()}. */
    @Override
    protected void init() {
        verifyingSsl = true;
        setUserAgent("OpenAPI-Generator/1.0.0/java");
        authentications = new HashMap<>();
    }

    /** The generated {@code JSON}, created on first use (with the facade's tuned Gson). */
    @Override
    public JSON getJSON() {
        JSON j = json;
        if (j == null) {
            BrekJson.init();
            j = new JSON();
            json = j;
        }
        return j;
    }

    @Override
    public boolean isJsonMime(String mime) {
        return GeneratedSupport.isJsonMime(mime);
    }

    @Override
    public RequestBody serialize(Object obj, String contentType) throws ApiException {
        if (obj != null && GeneratedSupport.APPLICATION_JSON.equals(contentType) && !(obj instanceof byte[])
                && !(obj instanceof File)) {
            String written = BrekRequestJson.write(obj);
            if (written == null) {
                BrekJson.init();
                written = JSON.serialize(obj);
            }
            return GeneratedSupport.jsonBody(written);
        }
        return super.serialize(obj, contentType);
    }

    @Override
    public Request buildRequest(String baseUrl, String path, String method, List<Pair> queryParams,
            List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams,
            Map<String, String> cookieParams, Map<String, Object> formParams, String[] authNames,
            ApiCallback callback) throws ApiException {
        String contentType = headerParams.get("Content-Type");
        boolean permitsBody = !"GET".equals(method) && !"HEAD".equals(method);
        if (callback != null || !formParams.isEmpty() || !cookieParams.isEmpty() || (permitsBody && body == null)
                || (contentType != null && !GeneratedSupport.APPLICATION_JSON.equals(contentType))) {
            return super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
                    cookieParams, formParams, authNames, callback);
        }
        RequestBody requestBody = permitsBody ? serialize(body, contentType) : null;
        Request.Builder b = new Request.Builder().url(urls.get(buildUrl(baseUrl, path, queryParams,
                collectionQueryParams)));
        processHeaderParams(headerParams, b);
        return b.method(method, requestBody).build();
    }
}
