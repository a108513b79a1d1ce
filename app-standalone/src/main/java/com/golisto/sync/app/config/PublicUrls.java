package com.golisto.sync.app.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why remotes may be unable to reach the runner's public URL. WooCommerce refuses to deliver webhooks to
 * loopback and private addresses and to ports other than 80, 443 and 8080; Golisto needs HTTPS for
 * production webhooks. Judged from the URL alone (a host name is not resolved).
 */
public final class PublicUrls {
    private PublicUrls() {
    }

    /** The problems, empty when the URL looks reachable from the internet. */
    public static List<String> problems(URI publicUrl) {
        List<String> problems = new ArrayList<>();
        String host = publicUrl.getHost() == null ? "" : publicUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")) {
            problems.add("its host " + host + " is not reachable from the internet");
        } else if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()) {
                    problems.add("its address " + host + " is a loopback or private address, to which WooCommerce"
                            + " does not deliver webhooks");
                }
            } catch (UnknownHostException e) {
                problems.add("its host " + host + " is not a valid address");
            }
        }
        int port = publicUrl.getPort() < 0 ? ("https".equals(publicUrl.getScheme()) ? 443 : 80) : publicUrl.getPort();
        if (port != 80 && port != 443 && port != 8080) {
            problems.add("its port " + port + " is not one WooCommerce delivers webhooks to (80, 443 or 8080)");
        }
        if (!"https".equals(publicUrl.getScheme())) {
            problems.add("it is not HTTPS; use HTTPS (a reverse proxy) in production");
        }
        return problems;
    }
}
