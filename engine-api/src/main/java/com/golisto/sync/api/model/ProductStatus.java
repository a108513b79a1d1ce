package com.golisto.sync.api.model;

/**
 * Whether a product should be offered. Only {@link #ACTIVE} products are listed on a marketplace; the
 * engine treats a product that becomes {@link #DRAFT} or {@link #ARCHIVED} like a deleted one.
 */
public enum ProductStatus {
    /** Published and purchasable. */
    ACTIVE,
    /** Not published yet (a draft, pending review or private product). */
    DRAFT,
    /** Withdrawn (trashed) but still known to the shop. */
    ARCHIVED
}
