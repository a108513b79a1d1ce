package com.golisto.sync.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ShopCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void secret_isNeverShown_byToStringOrRecordsHoldingIt() {
        Secret s = Secret.of("cs_0123456789abcdef");
        assertThat(s.toString()).isEqualTo("*****");
        ShopCredentials c = new ShopCredentials("ck_0123456789abcdef0123", s, "read_write");
        assertThat(c.toString()).doesNotContain("cs_0123456789abcdef").doesNotContain("ck_0123456789abcdef0123")
                .contains("…0123");
        assertThat(new IssuedCredentials("st", Map.of("consumer-secret", "cs_x1")).toString()).doesNotContain("cs_x1");
        assertThat(new ConnectRequest(java.net.URI.create("https://s"), java.util.Currency.getInstance("EUR"),
                java.net.URI.create("https://r"), "state-secret").toString()).doesNotContain("state-secret");
    }

    @Test
    void secret_equality_comparesValues() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inboundRequest_headersAreCaseInsensitive_andToStringHidesThem() {
        InboundRequest r = new InboundRequest("POST", "/webhooks/x", null,
                Map.of("X-WC-Webhook-Signature", List.of("sig==")), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.header("x-wc-webhook-signature")).hasValue("sig==");
        assertThat(r.header("missing")).isEmpty();
        assertThat(r.toString()).doesNotContain("sig==");
    }
}
