package com.golisto.sync.app.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code Host} a request may name, and whether the dashboard is open without the admin token.
 *
 * <p>A browser sends the name it was given in {@code Host}; a page of another site that rebinds its DNS name to
 * the runner's address therefore names its own host, and is refused. Accepted: the public URL's host, the
 * address the server is bound to, {@code localhost} and loopback addresses when it is bound to loopback or to
 * every interface, any IP address when it is bound to every interface (an address cannot be rebound), and the
 * extra host names the operator lists. Ports are not compared (a reverse proxy may change them).
 *
 * @param bindHost the address the server listens on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param publicHost the public URL's host, lower case; {@code null} when no public URL is configured
 * @param extraHosts further host names to accept, lower case (default none)
 * @param openDashboard whether {@code GET /} is shown without the admin token (default {@code false}); the
 *     admin API and the dashboard's actions always need it
 */
public record EdgePolicy(String bindHost, @Nullable String publicHost, Set<String> extraHosts, boolean openDashboard) {
    public EdgePolicy {
        bindHost = normalise(Objects.requireNonNull(bindHost, "bindHost"));
        publicHost = publicHost == null ? null : normalise(publicHost);
        extraHosts = extraHosts.stream().map(EdgePolicy::normalise).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The policy of a server bound to this address with this public URL, no extra hosts, dashboard closed.
     *
     * @param publicUrl the configured public URL; {@code null} when none is configured
     */
    public static EdgePolicy of(String bindHost, @Nullable URI publicUrl) {
        return new EdgePolicy(bindHost, publicUrl == null ? null : publicUrl.getHost(), Set.of(), false);
    }

    /** The same policy with the dashboard open (or closed). */
    public EdgePolicy withOpenDashboard(boolean open) {
        return new EdgePolicy(bindHost, publicHost, extraHosts, open);
    }

    /** The same policy accepting these further host names too. */
    public EdgePolicy withExtraHosts(Set<String> hosts) {
        Set<String> all = new HashSet<>(extraHosts);
        all.addAll(hosts);
        return new EdgePolicy(bindHost, publicHost, all, openDashboard);
    }

    /**
     * Whether a request with this {@code Host} header value is for this runner.
     *
     * @param hostHeader the header's value ({@code name[:port]} or {@code [v6]:port}); {@code null} when absent
     */
    public boolean accepts(String hostHeader) {
        Optional<String> name = hostName(hostHeader);
        if (name.isEmpty()) {
            return false;
        }
        String host = name.get();
        if (host.equals(publicHost) || host.equals(bindHost) || extraHosts.contains(host)) {
            return true;
        }
        boolean wildcard = bindHost.equals("0.0.0.0") || bindHost.equals("::");
        Optional<InetAddress> literal = literal(host);
        if (host.equals("localhost")) {
            return wildcard || literal(bindHost).map(InetAddress::isLoopbackAddress).orElse(false);
        }
        if (literal.isEmpty()) {
            return false;
        }
        if (wildcard) {
            return true;
        }
        return literal.get().isLoopbackAddress() && literal(bindHost).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** The host name of a {@code Host} header, lower case, without port and IPv6 brackets. */
    static Optional<String> hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank() || hostHeader.length() > 255) {
            return Optional.empty();
        }
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? Optional.empty() : Optional.of(normalise(h.substring(1, end)));
        }
        int colon = h.indexOf(':');
        return Optional.of(normalise(colon < 0 ? h : h.substring(0, colon)));
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address when the text is an IP literal; never resolves a name. */
    private static Optional<InetAddress> literal(String host) {
        if (!host.matches("[0-9.]+|[0-9a-f:.%]*:[0-9a-f:.%]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
