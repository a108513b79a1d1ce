package com.golisto.sync.app.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Dispatches requests to {@link Route}s (first match wins), turns {@link HttpError} into JSON error
 * answers and anything unexpected into a 500 without details, and reports every answer to a
 * {@link RequestObserver} (as it is sent). Blocking handlers are fine: Jetty calls it on a pool thread.
 */
final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;
    private final RequestObserver observer;
    private final int maxBodyBytes;

    Router(List<Route> routes, RequestObserver observer, int maxBodyBytes) {
        this.routes = List.copyOf(routes);
        this.observer = observer;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        String method = request.getMethod();
        Route matched = null;
        boolean pathKnown = false;
        Map<String, String> params = Map.of();
        for (Route route : routes) {
            Optional<Map<String, String>> m = route.match(path);
            if (m.isPresent()) {
                pathKnown = true;
                if (route.method().equals(method) || route.method().equals("GET") && method.equals("HEAD")) {
                    matched = route;
                    params = m.get();
                    break;
                }
            }
        }
        String key = matched == null ? "unmatched" : matched.key();
        Exchange exchange = Exchange.of(request, response, callback, params, key, observer, maxBodyBytes);
        try {
            if (matched == null) {
                throw pathKnown
                        ? new HttpError(405, "method_not_allowed", method + " is not allowed on " + path)
                        : HttpError.notFound("nothing at " + path);
            }
            matched.handler().handle(exchange);
            if (!exchange.answered()) {
                exchange.empty(204);
            }
        } catch (HttpError e) {
            answerError(exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answerError(exchange, new HttpError(503, "unavailable", "the runner is shutting down"));
        } catch (Exception e) {
            LOG.error("event=http_error route=\"{}\" error={}", key, e.getClass().getName(), e);
            answerError(exchange, new HttpError(500, "internal_error", "the runner failed to answer; see its log"));
        } finally {
            LogContext.clear();
        }
        return true;
    }

    private static void answerError(Exchange exchange, HttpError e) {
        if (exchange.answered()) {
            return;
        }
        if (e.status() == 401) {
            exchange.responseHeader("WWW-Authenticate", "Bearer realm=\"golisto-sync\"");
        }
        exchange.json(e.status(), Json.error(e.code(), e.getMessage()));
    }
}
