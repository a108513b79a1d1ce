package com.golisto.sync.sandbox.http;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The faults a test asked an emulator to inject. Each rule matches a method and a path regex
 * (matched against the whole request path, without the query) and applies to the next
 * {@code times} matching requests; rules are tried in the order they were added.
 *
 * <p>Thread-safe: tests add rules while the server handles requests on other threads.
 */
public final class FaultInjector {

    private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Fault, Long> served = new ConcurrentHashMap<>();

    /** Creates an injector with no rules. */
    public FaultInjector() {
    }

    /**
     * Injects {@code fault} into the next {@code times} requests with this method whose path
     * matches {@code pathRegex}.
     *
     * @param method an HTTP method such as {@code "GET"}, or {@code "*"} for any
     * @param pathRegex a regular expression that must match the whole path, e.g.
     *                  {@code "/wp-json/wc/v3/products"} or {@code "/wp-json/wc/v3/products/\\d+"}
     * @param fault the fault
     * @param times how many matching requests get it, at least 1
     */
    public void inject(String method, String pathRegex, Fault fault, int times) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), fault,
                new AtomicInteger(times)));
    }

    /**
     * Returns how many requests got each fault so far, by fault value (equal faults count together), since this
     * injector was created: {@link #clear()} does not reset it. A snapshot.
     */
    public Map<Fault, Long> served() {
        return Map.copyOf(served);
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** Returns how many injections are still pending over all rules. */
    public int pending() {
        int sum = 0;
        for (Rule rule : rules) {
            sum += Math.max(0, rule.remaining.get());
        }
        return sum;
    }

    /**
     * Takes the next fault for a request, consuming one use of the first matching rule.
     *
     * @param method the request method
     * @param path the request path without query
     * @return the fault to apply, or empty to serve the request normally
     */
    public Optional<Fault> next(String method, String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            if (!rule.matches(method, path)) {
                continue;
            }
            int left = rule.remaining.getAndDecrement();
            if (left <= 0) {
                rules.remove(rule);
                continue;
            }
            if (left == 1) {
                rules.remove(rule);
            }
            served.merge(rule.fault, 1L, Long::sum);
            return Optional.of(rule.fault);
        }
        return Optional.empty();
    }

    private record Rule(String method, Pattern path, Fault fault, AtomicInteger remaining) {
        boolean matches(String requestMethod, String requestPath) {
            return ("*".equals(method) || method.equalsIgnoreCase(requestMethod))
                    && path.matcher(requestPath).matches();
        }
    }
}
