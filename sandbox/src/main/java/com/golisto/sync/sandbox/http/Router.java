package com.golisto.sync.sandbox.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small method + path-template router for emulators: templates such as
 * {@code /wp-json/wc/v3/products/{id}/variations} where {@code {name}} matches one path segment.
 * Routes are tried in the order they were added. Register all routes before the server starts;
 * matching is thread-safe afterwards.
 */
public final class Router {

    /**
     * Handles one routed request.
     */
    @FunctionalInterface
    public interface Route {
        /**
         * Answers the request.
         *
         * @param request the request
         * @param params the path parameters by template name
         * @return the response, never null
         */
        EmulatorResponse handle(EmulatorRequest request, Map<String, String> params);
    }

    /**
     * A successful match.
     *
     * @param template the route template
     * @param route the handler
     * @param params the path parameters
     */
    public record Match(String template, Route route, Map<String, String> params) {
        /** Copies the parameters. */
        public Match {
            params = Map.copyOf(params);
        }
    }

    private record Entry(String method, String template, Pattern pattern, List<String> names, Route route) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final List<Entry> entries = new ArrayList<>();

    /** Creates an empty router. */
    public Router() {
    }

    /**
     * Adds a route.
     *
     * @param method the HTTP method, upper-case
     * @param template the path template
     * @param route the handler
     * @return this router
     */
    public Router on(String method, String template, Route route) {
        Objects.requireNonNull(route, "route");
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        entries.add(new Entry(method.toUpperCase(Locale.ROOT), template, Pattern.compile(regex.toString()),
                List.copyOf(names), route));
        return this;
    }

    /**
     * Finds the route for a request.
     *
     * @param method the method
     * @param path the path
     * @return the match, or empty when no route has this method and path
     */
    public Optional<Match> match(String method, String path) {
        for (Entry e : entries) {
            if (!e.method.equals(method)) {
                continue;
            }
            Matcher m = e.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < e.names.size(); i++) {
                    params.put(e.names.get(i), m.group(i + 1));
                }
                return Optional.of(new Match(e.template, e.route, params));
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether some route matches the path with another method (for 405 vs 404 answers).
     *
     * @param path the path
     * @return true when the path is known for some method
     */
    public boolean knowsPath(String path) {
        for (Entry e : entries) {
            if (e.pattern.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the route key of a request: method and template when routed, else method and the path
     * with every all-digit segment replaced by {@code {id}}.
     *
     * @param method the method
     * @param path the path
     * @return a key such as {@code "GET /wp-json/wc/v3/products/{id}"}
     */
    public String routeKey(String method, String path) {
        return match(method, path).map(m -> method + " " + m.template())
                .orElseGet(() -> EmulatorServer.defaultRouteKey(method, path));
    }
}
