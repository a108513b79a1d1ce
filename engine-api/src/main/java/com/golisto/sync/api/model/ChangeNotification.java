package com.golisto.sync.api.model;

/**
 * A remote's word that something changed. A notification is never data: the engine reads the current
 * state of the resource before acting, so duplicate, late and reordered notifications are harmless.
 *
 * @param kind what changed
 * @param resourceId the remote's id of the changed resource (for a product, the parent product's id,
 *     even when a variant changed); for {@link Kind#CONNECTION}, the connection (account) id
 * @param action what happened
 */
public record ChangeNotification(Kind kind, String resourceId, Action action) {

    /** The kind of resource that changed. */
    public enum Kind {
        /** A product or one of its variants. */
        PRODUCT,
        /** An order. */
        ORDER,
        /** The store's connection to the marketplace. */
        CONNECTION
    }

    /** What happened to it. */
    public enum Action {
        /** Created. */
        CREATED,
        /** Changed. */
        UPDATED,
        /** Deleted or trashed. */
        DELETED,
        /** Restored from the trash. */
        RESTORED
    }

    public ChangeNotification {
        Checks.required(kind, "notification kind");
        Checks.text(resourceId, "notification resource id");
        Checks.required(action, "notification action");
    }
}
