package com.golisto.sync.core.connection;

import java.net.URI;
import java.util.Objects;

/**
 * The host's endpoints under its public base URL, where shops and the marketplace send the merchant and
 * their webhooks.
 *
 * @param publicUrl the host's base URL, absolute
 */
public record Endpoints(URI publicUrl) {

    public Endpoints {
        Objects.requireNonNull(publicUrl, "publicUrl");
    }

    /** The public URL with a path appended, without a doubled slash. */
    public URI endpoint(String path) {
        String base = publicUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
