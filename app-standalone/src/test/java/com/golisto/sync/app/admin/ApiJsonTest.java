package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.app.http.HttpError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
    private final ApiJson json = new ApiJson();

    @Test
    void read_validStore_mapsSnakeCaseToSettings() {
        StoreRequest r = read("{\"id\":\"my-shop\",\"woocommerce\":{\"url\":\"https://shop.example\","
                + "\"consumer_key\":\"ck_1\",\"consumer_secret\":\"cs_1\"}}", StoreRequest.class);

        assertThat(r.id()).isEqualTo("my-shop");
        assertThat(r.woocommerce().settings()).containsExactly(java.util.Map.entry("url", "https://shop.example"),
                java.util.Map.entry("consumer-key", "ck_1"), java.util.Map.entry("consumer-secret", "cs_1"));
        assertThat(r.toString()).doesNotContain("cs_1");
    }

    @Test
    void read_unknownNestedField_namesIt() {
        assertError("{\"id\":\"s\",\"woocommerce\":{\"url\":\"https://x\",\"colour\":\"red\"}}", StoreRequest.class,
                "unknown_field", "unknown field woocommerce.colour");
    }

    @Test
    void read_wrongType_namesTheFieldAndTheType() {
        assertError("{\"id\":42,\"woocommerce\":{\"url\":\"https://x\"}}", StoreRequest.class,
                "invalid_field", "field id must be a string");
        assertError("{\"id\":\"s\",\"woocommerce\":\"https://x\"}", StoreRequest.class,
                "invalid_field", "field woocommerce must be an object");
        assertError("{\"mode\":true}", SyncRequest.class, "invalid_field", "field mode must be a string");
    }

    @Test
    void read_missingOrBadValues_nameTheField() {
        assertError("{\"woocommerce\":{\"url\":\"https://x\"}}", StoreRequest.class, "invalid_field", "field id is required");
        assertError("{\"id\":\"s\",\"woocommerce\":{\"consumer_key\":\"ck\"}}", StoreRequest.class,
                "invalid_field", "field woocommerce.url is required");
        assertError("{\"mode\":\"sometimes\"}", SyncRequest.class, "invalid_field", "field mode must be full or incremental");
    }

    @Test
    void read_malformedOrEmpty_isInvalidJson() {
        assertError("{\"mode\": ", SyncRequest.class, "invalid_json", "not valid JSON");
        assertError("", SyncRequest.class, "invalid_json", "needs a JSON body");
        assertError("[1]", SyncRequest.class, "invalid_json", "must be a JSON object");
        assertError("{\"mode\":\"full\"} trailing", SyncRequest.class, "invalid_json", "the body is not valid JSON (line 1, column");
        assertError("{\"mode\":\"full\"} {}", SyncRequest.class, "invalid_json", "the request body must be a JSON object");
    }

    private <T> T read(String body, Class<T> type) {
        return json.read(body.getBytes(StandardCharsets.UTF_8), type);
    }

    private void assertError(String body, Class<?> type, String code, String message) {
        assertThatThrownBy(() -> read(body, type)).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
