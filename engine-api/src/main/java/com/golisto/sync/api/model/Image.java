package com.golisto.sync.api.model;

/**
 * A product image by URL.
 *
 * @param url absolute URL of the image; never blank
 * @param position 0 for the main image, then gallery order; never negative
 * @param alt alternative text, empty when none
 */
public record Image(String url, int position, String alt) {

    public Image {
        Checks.text(url, "image url");
        if (position < 0) {
            throw new IllegalArgumentException("image position must not be negative: " + position);
        }
        alt = Checks.orEmpty(alt);
    }
}
