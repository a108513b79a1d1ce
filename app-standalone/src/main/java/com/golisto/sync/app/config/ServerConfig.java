package com.golisto.sync.app.config;

import com.golisto.sync.api.spi.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The runner's HTTP server.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param publicUrl the runner's URL as remotes and browsers reach it, without a trailing slash; {@code null}
 *     when not configured (then {@code http://host:port} as bound, see {@link #publicUrlFor(int)})
 * @param adminToken the admin API's bearer token; {@code null} when the configuration gives none (one is
 *     then generated and kept in the data folder, see {@link AdminTokens})
 * @param edge what the HTTP edge accepts: limits, extra hosts, the dashboard's openness, session lifetime
 */
public record ServerConfig(String host, int port, @Nullable URI publicUrl, @Nullable Secret adminToken,
                           EdgeConfig edge) {
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(edge, "edge");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (publicUrl != null && publicUrl.toString().endsWith("/")) {
            String text = publicUrl.toString();
            publicUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /**
     * The public URL: the configured one, else {@code http://host:port} with the port actually bound
     * (a wildcard host shows as {@code 127.0.0.1}).
     *
     * @param boundPort the port the server listens on (or {@link #port()} when it does not run)
     */
    public URI publicUrlFor(int boundPort) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + boundPort);
    }

    /** The configured admin token, when there is one. */
    public Optional<Secret> configuredAdminToken() {
        return Optional.ofNullable(adminToken);
    }

    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", publicUrl=" + publicUrl
                + ", adminToken=" + (adminToken == null ? "generated" : "*****") + ", edge=" + edge + "]";
    }
}
