package com.golisto.sync.app.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The error pages Jetty writes itself, for requests that never reach {@link EdgeHandler} or whose answer Jetty
 * replaces: 431 for a too-large header, 414 for a too-long request line, 400 for a malformed request, 505, or a
 * 500 when a handler fails outside the routes. They carry the same security headers as every other answer
 * ({@link EdgeHandler#putSecurityHeaders}), no stack, cause or origin, and, as Jetty's
 * {@code HttpConfiguration} sends no {@code Server} header, no server version. Thread-safe (stateless).
 */
final class EdgeErrorHandler extends ErrorHandler {

    EdgeErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    /** Errors Jetty raises for a parsed request (and failures that escaped the handlers). */
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EdgeHandler.putSecurityHeaders(response.getHeaders());
        return super.handle(request, response, callback);
    }

    /** Errors Jetty raises while parsing, before there is a request (431, 414, 400, 505). */
    @Override
    public @Nullable ByteBuffer badMessageError(int status, @Nullable String reason, HttpFields.Mutable fields) {
        EdgeHandler.putSecurityHeaders(fields);
        return super.badMessageError(status, reason, fields);
    }
}
