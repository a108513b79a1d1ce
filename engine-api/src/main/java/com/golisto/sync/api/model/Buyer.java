package com.golisto.sync.api.model;

/**
 * Who bought on the marketplace.
 *
 * @param name full name, empty when unknown
 * @param email e-mail address, empty when unknown
 */
public record Buyer(String name, String email) {

    public Buyer {
        name = Checks.orEmpty(name);
        email = Checks.orEmpty(email);
    }
}
