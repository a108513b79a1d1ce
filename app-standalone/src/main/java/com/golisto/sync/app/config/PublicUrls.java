package com.golisto.sync.app.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Why remotes may be unable to reach the runner's public URL, judged from the URLs alone (a host name is
 * not resolved). WooCommerce posts webhooks and key grants with {@code wp_safe_remote_post}, whose URL check
 * is WordPress's {@code wp_http_validate_url} ({@code wp-includes/http.php}); this class repeats its rules:
 *
 * <ul>
 *   <li>a host in brackets (an IPv6 literal) is always refused;</li>
 *   <li>a host that is not the site's own host (its home URL's host, compared case-insensitively) is
 *       refused when it is a loopback or private IPv4 address: 127/8, 10/8, 0/8, 172.16/12 and
 *       192.168/16 ({@code localhost} and {@code *.localhost}, {@code *.local} names count as such, as they
 *       resolve there); the site's own host is accepted whatever its address;</li>
 *   <li>a URL without a port is accepted; with a port, only 80, 443 or 8080 is, or the site's own port
 *       when the host is the site's own host and its home URL names that port.</li>
 * </ul>
 *
 * So {@code http://127.0.0.1:8080} is refused by a shop elsewhere but accepted by a shop at
 * {@code http://127.0.0.1:8000} on the same machine. Golisto needs HTTPS for production webhooks, which is
 * judged separately. Stateless and thread-safe.
 */
public final class PublicUrls {
    private static final Set<Integer> SAFE_PORTS = Set.of(80, 443, 8080);
    private static final Pattern IPV4 = Pattern.compile(
            "((?:[1-9]?\\d|1\\d\\d|25[0-5]|2[0-4]\\d)\\.){3}(?:[1-9]?\\d|1\\d\\d|25[0-5]|2[0-4]\\d)");

    private PublicUrls() {
    }

    /** The problems when no shop is known: judged as a shop on another host would. */
    public static List<String> problems(URI publicUrl) {
        return problems(publicUrl, List.of());
    }

    /**
     * The problems, empty when every shop would deliver to the URL and it is HTTPS.
     *
     * @param publicUrl the runner's public URL
     * @param shopUrls the home URLs of the shops that deliver to it (the configured stores); when empty, the
     *     URL is judged as a shop on another host would judge it
     */
    public static List<String> problems(URI publicUrl, Collection<URI> shopUrls) {
        List<String> problems = new ArrayList<>();
        if (shopUrls.isEmpty()) {
            refusal(publicUrl, null).ifPresent(reason -> problems.add(reason + ", so a WooCommerce store on"
                    + " another host does not deliver webhooks or API keys to it"));
        } else {
            for (URI shop : shopUrls) {
                refusal(publicUrl, shop).ifPresent(reason -> problems.add(reason + ", so the WooCommerce store "
                        + shop + " does not deliver webhooks or API keys to it"));
            }
        }
        if (!"https".equals(publicUrl.getScheme())) {
            problems.add("it is not HTTPS; use HTTPS (a reverse proxy) in production");
        }
        return problems;
    }

    /** Why WordPress at {@code site} (unknown: another host) refuses to post to {@code url}; empty when it does not. */
    private static Optional<String> refusal(URI url, @Nullable URI site) {
        String rawHost = url.getHost() == null ? "" : url.getHost();
        if (rawHost.isEmpty()) {
            return Optional.of("it has no host");
        }
        if (rawHost.startsWith("[") || rawHost.contains(":")) {
            return Optional.of("its host " + rawHost + " is an IPv6 address, to which WordPress never posts");
        }
        String host = trimDots(rawHost.toLowerCase(Locale.ROOT));
        String siteHost = site == null || site.getHost() == null ? "" : site.getHost().toLowerCase(Locale.ROOT);
        boolean sameHost = rawHost.toLowerCase(Locale.ROOT).equals(siteHost);
        if (!sameHost && isLocal(host)) {
            return Optional.of("its host " + host + " is a loopback or private address and not the"
                    + " store's own host");
        }
        int port = url.getPort();
        if (port < 0 || SAFE_PORTS.contains(port) || (sameHost && site != null && site.getPort() == port)) {
            return Optional.empty();
        }
        return Optional.of("its port " + port + " is not 80, 443 or 8080"
                + (sameHost ? " nor the store's own port" : ""));
    }

    /** Loopback or private as WordPress counts them (127/8, 10/8, 0/8, 172.16/12, 192.168/16), or a local name. */
    private static boolean isLocal(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")) {
            return true;
        }
        Matcher m = IPV4.matcher(host);
        if (!m.matches()) {
            return false;
        }
        String[] parts = host.split("\\.");
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[1]);
        return a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
    }

    private static String trimDots(String host) {
        int start = 0;
        int end = host.length();
        while (start < end && host.charAt(start) == '.') {
            start++;
        }
        while (end > start && host.charAt(end - 1) == '.') {
            end--;
        }
        return host.substring(start, end);
    }
}
