package com.golisto.sync.app.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3 document of the admin API ({@code openapi.json} next to this class), served at
 * {@code GET /api/openapi.json}. A test checks that it documents exactly the routes the runner registers.
 */
public final class OpenApi {
    /** The resource's name, relative to this class. */
    public static final String RESOURCE = "openapi.json";

    private static final String DOCUMENT = load();

    private OpenApi() {
    }

    /** The document's JSON text. */
    public static String document() {
        return DOCUMENT;
    }

    private static String load() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the admin API's OpenAPI document " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
