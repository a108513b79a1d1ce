package com.golisto.sync.sandbox.woocommerce;

/**
 * A product category (a WordPress term of taxonomy {@code product_cat}).
 *
 * @param id the term id
 * @param name the name
 * @param slug the slug
 * @param parent the parent term id, 0 for a top-level category
 * @param description the description
 */
record WooCategory(long id, String name, String slug, long parent, String description) {
}
