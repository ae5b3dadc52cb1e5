package io.github.chatsdk.testkit;

import java.time.Duration;

/** Reason phrases and error codes for injected statuses. */
final class Statuses {
    private Statuses() {
    }

    static String reason(int status) {
        switch (status) {
            case 400: return "Bad request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not found";
            case 408: return "Request timeout";
            case 409: return "Conflict";
            case 413: return "Payload too large";
            case 422: return "Unprocessable entity";
            case 429: return "Too many requests";
            case 500: return "Internal server error";
            case 502: return "Bad gateway";
            case 503: return "Service unavailable";
            case 504: return "Gateway timeout";
            default: return "HTTP " + status;
        }
    }

    static String code(int status) {
        switch (status) {
            case 400: return "invalid_request";
            case 404: return "not_found";
            case 408: return "request_timeout";
            case 409: return "conflict";
            case 502: return "bad_gateway";
            case 503: return "service_unavailable";
            case 504: return "gateway_timeout";
            default: return "sandbox_fault";
        }
    }

    static long ceilSeconds(Duration d) {
        long seconds = d.getSeconds();
        return d.getNano() > 0 ? seconds + 1 : seconds;
    }
}
