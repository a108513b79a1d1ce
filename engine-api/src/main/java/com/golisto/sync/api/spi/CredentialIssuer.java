package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.ShopCredentials;
import java.net.URI;
import java.util.Optional;

/** Obtains shop API keys through the shop's own grant flow, and hands over the keys in use. */
public interface CredentialIssuer {

    /** The shop page where the merchant grants keys. No network I/O. */
    URI authorizationUrl(CredentialRequest request);

    /**
     * Reads the keys the shop posted to the callback URL.
     *
     * @throws InvalidItemException when the request does not carry keys
     */
    IssuedCredentials parseCallback(InboundRequest request);

    /** The keys this connector was opened with, to hand to a marketplace; empty when it has none. */
    Optional<ShopCredentials> currentCredentials();
}
