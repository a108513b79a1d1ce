package com.golisto.sync.sandbox.woocommerce;

import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.Router;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The emulator's route table, the authentication gate in front of each route (with WooCommerce's
 * "cannot view/create/edit/..." answers for unauthenticated requests) and the small store endpoints
 * ({@code /data/currencies}, {@code /system_status}).
 */
final class WooRoutes {

    private static final String V3 = "/wp-json/wc/v3";

    /** What a route does, for the unauthenticated answer and the key permission check. */
    private enum Access {
        LIST("woocommerce_rest_cannot_view", "Sorry, you cannot list resources."),
        VIEW("woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."),
        CREATE("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources."),
        EDIT("woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource."),
        DELETE("woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource."),
        BATCH("woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource.");

        final String code;
        final String message;

        Access(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    /** A route body that gets parsed path ids. */
    @FunctionalInterface
    private interface Handler {
        EmulatorResponse handle(EmulatorRequest request, Map<String, String> params);
    }

    private final WooCommerceEmulator emulator;
    private final WooProductRoutes products;
    private final WooCategoryRoutes categories;
    private final WooOrderRoutes orders;

    WooRoutes(WooCommerceEmulator emulator, WooProductRoutes products, WooCategoryRoutes categories,
              WooOrderRoutes orders) {
        this.emulator = emulator;
        this.products = products;
        this.categories = categories;
        this.orders = orders;
    }

    void register(Router r) {
        on(r, "GET", V3 + "/products", Access.LIST, (q, p) -> products.list(q));
        on(r, "POST", V3 + "/products", Access.CREATE, (q, p) -> products.create(q));
        on(r, "POST", V3 + "/products/batch", Access.BATCH, (q, p) -> products.batch(q));
        on(r, "PUT", V3 + "/products/batch", Access.BATCH, (q, p) -> products.batch(q));
        on(r, "GET", V3 + "/products/categories", Access.LIST, (q, p) -> categories.list(q));
        on(r, "POST", V3 + "/products/categories", Access.CREATE, (q, p) -> categories.create(q));
        on(r, "GET", V3 + "/products/categories/{id}", Access.VIEW, (q, p) -> categories.get(id(p, "id")));
        on(r, "GET", V3 + "/products/{id}", Access.VIEW, (q, p) -> products.get(q, id(p, "id")));
        on(r, "PUT", V3 + "/products/{id}", Access.EDIT, (q, p) -> products.update(q, id(p, "id")));
        on(r, "PATCH", V3 + "/products/{id}", Access.EDIT, (q, p) -> products.update(q, id(p, "id")));
        on(r, "POST", V3 + "/products/{id}", Access.EDIT, (q, p) -> products.update(q, id(p, "id")));
        on(r, "DELETE", V3 + "/products/{id}", Access.DELETE, (q, p) -> products.delete(q, id(p, "id")));
        on(r, "GET", V3 + "/products/{id}/variations", Access.LIST,
                (q, p) -> products.listVariations(q, id(p, "id")));
        on(r, "POST", V3 + "/products/{id}/variations", Access.CREATE,
                (q, p) -> products.createVariation(q, id(p, "id")));
        on(r, "POST", V3 + "/products/{id}/variations/batch", Access.BATCH,
                (q, p) -> products.batchVariations(q, id(p, "id")));
        on(r, "GET", V3 + "/products/{id}/variations/{vid}", Access.VIEW,
                (q, p) -> products.getVariation(id(p, "id"), id(p, "vid")));
        on(r, "PUT", V3 + "/products/{id}/variations/{vid}", Access.EDIT,
                (q, p) -> products.updateVariation(q, id(p, "id"), id(p, "vid")));
        on(r, "DELETE", V3 + "/products/{id}/variations/{vid}", Access.DELETE,
                (q, p) -> products.deleteVariation(q, id(p, "id"), id(p, "vid")));

        on(r, "GET", V3 + "/orders", Access.LIST, (q, p) -> orders.list(q));
        on(r, "POST", V3 + "/orders", Access.CREATE, (q, p) -> orders.create(q));
        on(r, "POST", V3 + "/orders/batch", Access.BATCH, (q, p) -> orders.batch(q));
        on(r, "GET", V3 + "/orders/{id}", Access.VIEW, (q, p) -> orders.get(id(p, "id")));
        on(r, "PUT", V3 + "/orders/{id}", Access.EDIT, (q, p) -> orders.update(q, id(p, "id")));
        on(r, "POST", V3 + "/orders/{id}", Access.EDIT, (q, p) -> orders.update(q, id(p, "id")));
        on(r, "DELETE", V3 + "/orders/{id}", Access.DELETE, (q, p) -> orders.delete(q, id(p, "id")));
        on(r, "GET", V3 + "/orders/{id}/notes", Access.LIST, (q, p) -> orders.listNotes(q, id(p, "id")));
        on(r, "POST", V3 + "/orders/{id}/notes", Access.CREATE, (q, p) -> orders.createNote(q, id(p, "id")));
        on(r, "GET", V3 + "/orders/{id}/notes/{nid}", Access.VIEW,
                (q, p) -> orders.getNote(id(p, "id"), id(p, "nid")));
        on(r, "DELETE", V3 + "/orders/{id}/notes/{nid}", Access.DELETE,
                (q, p) -> orders.deleteNote(q, id(p, "id"), id(p, "nid")));

        on(r, "GET", V3 + "/webhooks", Access.LIST, (q, p) -> orders.listWebhooks(q));
        on(r, "POST", V3 + "/webhooks", Access.CREATE, (q, p) -> orders.createWebhook(q));
        on(r, "GET", V3 + "/webhooks/{id}", Access.VIEW, (q, p) -> orders.getWebhook(id(p, "id")));
        on(r, "PUT", V3 + "/webhooks/{id}", Access.EDIT, (q, p) -> orders.updateWebhook(q, id(p, "id")));
        on(r, "POST", V3 + "/webhooks/{id}", Access.EDIT, (q, p) -> orders.updateWebhook(q, id(p, "id")));
        on(r, "DELETE", V3 + "/webhooks/{id}", Access.DELETE, (q, p) -> orders.deleteWebhook(q, id(p, "id")));

        on(r, "GET", V3 + "/data/currencies/current", Access.VIEW, (q, p) -> currency(emulator.currency()));
        on(r, "GET", V3 + "/data/currencies/{code}", Access.VIEW, (q, p) -> currency(param(p, "code").toUpperCase()));
        on(r, "GET", V3 + "/system_status", Access.LIST, (q, p) -> systemStatus());

        r.on("GET", "/wc-auth/v1/authorize", (q, p) -> emulator.wcAuth.authorize(q));
        r.on("GET", "/wc-auth/v1/access_granted", (q, p) -> emulator.wcAuth.accessGranted(q));
    }

    private void on(Router r, String method, String template, Access access, Handler handler) {
        r.on(method, template, (request, params) -> {
            boolean restRoute = "/".equals(request.path());
            // WooCommerce 8.2 authenticates only /wp-json/wc/ URIs: ?rest_route= requests stay anonymous
            Optional<WooApiKey> key = restRoute ? Optional.empty()
                    : emulator.auth.authenticate(request, emulator.baseUri());
            if (key.isEmpty()) {
                throw new WooError(401, access.code, access.message);
            }
            WooAuth.checkPermissions(key.get(), request.method());
            return handler.handle(request, params);
        });
    }

    static EmulatorResponse dispatch(WooCommerceEmulator emulator, Router router, EmulatorRequest request) {
        String path = request.path();
        Optional<String> restRoute = request.queryParam("rest_route");
        if ("/".equals(path) && restRoute.isPresent()) {
            path = "/wp-json" + restRoute.get();
        }
        try {
            Optional<Router.Match> match = router.match(request.method(), path);
            if (match.isEmpty()) {
                throw WooError.noRoute();
            }
            return match.get().route().handle(request, match.get().params());
        } catch (WooError e) {
            EmulatorResponse resp = EmulatorResponse.json(e.status(), WooJson.error(e));
            return e.basicChallenge() ? resp.withHeader("WWW-Authenticate", "Basic realm=\"WooCommerce REST API\"") : resp;
        }
    }

    /** A path parameter; the router matched the template that names it, so it is present. */
    private static String param(Map<String, String> params, String name) {
        return Objects.requireNonNull(params.get(name), name);
    }

    private static long id(Map<String, String> params, String name) {
        try {
            return Long.parseLong(params.get(name));
        } catch (NumberFormatException e) {
            throw WooError.noRoute();
        }
    }

    private EmulatorResponse currency(String code) {
        String[] info = "current".equals(code) ? emulator.currencyInfo() : null;
        String shown = info != null ? emulator.currency() : code;
        String[] data = info != null ? info : code.equals(emulator.currency()) ? emulator.currencyInfo()
                : new String[] {code, code};
        return EmulatorResponse.json(200, WooJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("code", shown);
            g.writeStringField("name", data[0]);
            g.writeStringField("symbol", data[1]);
            emulator.json.links(g, "/wp-json/wc/v3/data/currencies/" + shown, "/wp-json/wc/v3/data/currencies", null);
            g.writeEndObject();
        }));
    }

    private EmulatorResponse systemStatus() {
        return EmulatorResponse.json(200, WooJson.bytes(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("environment");
            g.writeStringField("home_url", emulator.homeUrl());
            g.writeStringField("site_url", emulator.homeUrl());
            g.writeStringField("version", "8.2.2");
            g.writeStringField("wp_version", "6.4.1");
            g.writeBooleanField("wp_multisite", false);
            g.writeStringField("server_info", "Jetty (Golisto Sync sandbox)");
            g.writeStringField("php_version", "8.2.0");
            g.writeStringField("default_timezone", "UTC");
            g.writeEndObject();
            g.writeObjectFieldStart("database");
            g.writeStringField("wc_database_version", "8.2.2");
            g.writeEndObject();
            g.writeArrayFieldStart("active_plugins");
            g.writeEndArray();
            g.writeObjectFieldStart("settings");
            g.writeBooleanField("api_enabled", true);
            g.writeStringField("currency", emulator.currency());
            g.writeStringField("currency_symbol", emulator.currencyInfo()[1]);
            g.writeStringField("currency_position", "right_space");
            g.writeStringField("thousand_separator", ".");
            g.writeStringField("decimal_separator", ",");
            g.writeNumberField("number_of_decimals", 2);
            g.writeStringField("timezone", emulator.timeZone().getId());
            g.writeEndObject();
            g.writeObjectFieldStart("security");
            g.writeBooleanField("secure_connection", emulator.auth.httpsMode());
            g.writeBooleanField("hide_errors", true);
            g.writeEndObject();
            g.writeEndObject();
        }));
    }
}
