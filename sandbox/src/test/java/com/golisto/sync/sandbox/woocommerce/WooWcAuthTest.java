package com.golisto.sync.sandbox.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooWcAuthTest {

    private WooCommerceEmulator emulator;
    private TestingReceiver callback;
    private TestingWooClient anonymous;

    @BeforeEach
    void start() {
        emulator = WooCommerceEmulator.builder().webhookDelivery(false).build().start();
        callback = TestingReceiver.started();
        anonymous = new TestingWooClient(emulator.baseUri(), "", "", emulator.clock(), true);
    }

    @AfterEach
    void stop() {
        anonymous.close();
        callback.close();
        emulator.close();
    }

    private TestingWooClient.Reply authorize(String userId) {
        return anonymous.raw("GET", "/wc-auth/v1/authorize?app_name=Golisto%20Sync&scope=read_write&user_id="
                + userId + "&return_url=" + enc("https://runner.example/return") + "&callback_url="
                + enc(callback.url("/wc-auth/callback").toString()), null);
    }

    @Test
    void authorize_missingParameter_isRefused() {
        TestingWooClient.Reply reply = anonymous.raw("GET", "/wc-auth/v1/authorize?app_name=x&scope=read", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.raw().body()).contains("Missing parameter user_id");
    }

    @Test
    void approve_postsKeysWithUserIdAsString_andRedirectsWithSuccess() throws Exception {
        assertThat(authorize("12345").status()).isEqualTo(200);
        WcAuthOutcome outcome = emulator.approveAuthorization("12345");
        assertThat(outcome.approved()).isTrue();
        assertThat(outcome.redirect().toString()).isEqualTo("https://runner.example/return?success=1&user_id=12345");
        JsonNode posted = TestingWooClient.MAPPER.readTree(callback.received().get(0).body());
        assertThat(posted.path("user_id").isTextual()).isTrue();
        assertThat(posted.path("user_id").asText()).isEqualTo("12345");
        assertThat(posted.path("key_permissions").asText()).isEqualTo("read_write");
        assertThat(posted.path("consumer_key").asText()).startsWith("ck_");
        try (TestingWooClient withKeys = new TestingWooClient(emulator.baseUri(), posted.path("consumer_key").asText(),
                posted.path("consumer_secret").asText(), emulator.clock(), false)) {
            assertThat(withKeys.get("/wp-json/wc/v3/products").status()).isEqualTo(200);
        }
    }

    @Test
    void callbackNotAnsweringExactly200_deletesTheKey() throws Exception {
        callback.answering(201);
        authorize("77");
        WcAuthOutcome outcome = emulator.approveAuthorization("77");
        assertThat(outcome.approved()).isFalse();
        assertThat(outcome.callbackStatus()).isEqualTo(201);
        JsonNode posted = TestingWooClient.MAPPER.readTree(callback.received().get(0).body());
        try (TestingWooClient withKeys = new TestingWooClient(emulator.baseUri(), posted.path("consumer_key").asText(),
                posted.path("consumer_secret").asText(), emulator.clock(), false)) {
            assertThat(withKeys.get("/wp-json/wc/v3/products").status()).isEqualTo(401);
        }
    }

    @Test
    void approveLink_overHttp_redirectsTheBrowser() {
        String page = authorize("9").raw().body();
        String link = page.substring(page.indexOf("/wc-auth/v1/access_granted"), page.indexOf("\">Approve"));
        TestingWooClient.Reply reply = anonymous.raw("GET", link, null);
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).isEqualTo("https://runner.example/return?success=1&user_id=9");
    }

    @Test
    void deny_createsNothing() {
        authorize("5");
        assertThat(emulator.denyAuthorization("5").toString()).isEqualTo("https://runner.example/return?success=0&user_id=5");
        assertThat(callback.received()).isEmpty();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
