package io.github.chatsdk.core.internal.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Bounded reads of response bodies: no response, however large or slow to break, fills the heap. */
final class Bodies {
    /** Largest success body read into memory. */
    static final long MAX_SUCCESS_BODY = 16L * 1024 * 1024;
    /** Largest error body read for parsing; the rest is discarded unread. */
    static final long MAX_ERROR_BODY = 64L * 1024;

    private Bodies() {
    }

    /** What was read of a body. */
    static final class Read {
        /** The text read: all of it when {@link #complete}, else what arrived before the limit or the failure. */
        final String text;
        final boolean complete;
        /** Why the read stopped early: the I/O failure, or {@link TooLarge}; {@code null} when complete. */
        final IOException failure;

        Read(String text, boolean complete, IOException failure) {
            this.text = text;
            this.complete = complete;
            this.failure = failure;
        }
    }

    /** A body longer than the read limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("body larger than the limit of " + limit + " bytes");
        }
    }

    /** Reads at most {@code limit} bytes; never throws: a failure or an overflow is reported on the result. */
    static Read read(ResponseBody body, long limit) {
        if (body == null) {
            return new Read("", true, null);
        }
        Buffer buffer = new Buffer();
        try {
            BufferedSource source = body.source();
            while (buffer.size() <= limit) {
                if (source.read(buffer, 8192) == -1) {
                    return new Read(buffer.readString(StandardCharsets.UTF_8), true, null);
                }
            }
            return new Read(buffer.readString(limit, StandardCharsets.UTF_8), false, new TooLarge(limit));
        } catch (IOException e) {
            return new Read(buffer.readString(StandardCharsets.UTF_8), false, e);
        }
    }

    /**
     * {@code application/json} in any case, alone or followed by parameters: the common answer,
     * accepted without OkHttp's regex-based {@code MediaType.parse}.
     */
    static boolean isPlainJson(String type) {
        int n = "application/json".length();
        return type.regionMatches(true, 0, "application/json", 0, n)
                && (type.length() == n || type.charAt(n) == ';' || type.charAt(n) == ' ' || type.charAt(n) == '\t');
    }

    /** Why a 2xx response cannot be the JSON the APIs document, or {@code null} when it may be. */
    static String unusableSuccess(Response r) {
        String type = r.header("Content-Type");
        if (type != null && !isPlainJson(type)) {
            MediaType mt = MediaType.parse(type);
            boolean json = mt != null && ("json".equals(mt.subtype()) || mt.subtype().endsWith("+json"));
            if (!json) {
                return "expected a JSON body, got Content-Type " + HttpLog.clip(type, 100);
            }
        }
        ResponseBody body = r.body();
        long length = body == null ? -1 : body.contentLength();
        if (length > MAX_SUCCESS_BODY) {
            return "body of " + length + " bytes is larger than the limit of " + MAX_SUCCESS_BODY + " bytes";
        }
        return null;
    }
}
