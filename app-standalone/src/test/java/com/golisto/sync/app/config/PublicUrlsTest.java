package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery-URL warning judges the public URL as WordPress's wp_http_validate_url would. */
class PublicUrlsTest {

    private static List<String> problems(String publicUrl, String... shops) {
        return PublicUrls.problems(URI.create(publicUrl), List.of(shops).stream().map(URI::create).toList());
    }

    @Test
    void httpsOnAStandardPortOrWithoutPort_none() {
        assertThat(problems("https://sync.example.com")).isEmpty();
        assertThat(problems("https://sync.example.com:8080/golisto")).isEmpty();
        assertThat(problems("https://sync.example.com:443", "https://shop.example")).isEmpty();
    }

    @Test
    void loopbackOnTheShopsOwnHost_isDelivered_onlyHttpsIsMentioned() {
        // the case from the field: runner and WordPress on one machine, the store at http://127.0.0.1:8000
        assertThat(problems("http://127.0.0.1:8080", "http://127.0.0.1:8000")).singleElement().asString()
                .contains("not HTTPS");
        assertThat(problems("https://LocalHost:8080", "http://localhost")).isEmpty();
        assertThat(problems("https://192.168.1.20", "https://192.168.1.20/shop")).isEmpty();
    }

    @Test
    void loopbackOrPrivateOnAnotherHost_isRefused_namingTheStore() {
        assertThat(problems("https://127.0.0.1:8080", "https://shop.example")).singleElement().asString()
                .contains("127.0.0.1 is a loopback or private address and not the store's own host")
                .contains("the WooCommerce store https://shop.example does not deliver");
        for (String host : List.of("10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.20", "0.0.0.0",
                "localhost", "shop.localhost", "nas.local")) {
            assertThat(problems("https://" + host)).as(host).singleElement().asString()
                    .contains("loopback or private").contains("a WooCommerce store on another host");
        }
    }

    @Test
    void addressesWordPressDoesNotCountAsPrivate_areAccepted() {
        // 172.32/16 is public, link-local 169.254/16 is not in WordPress's list
        assertThat(problems("https://172.32.0.1")).isEmpty();
        assertThat(problems("https://169.254.1.1")).isEmpty();
    }

    @Test
    void ipv6Literal_isAlwaysRefused_evenOnTheSameHost() {
        assertThat(problems("https://[::1]:8080", "https://[::1]:8080")).singleElement().asString()
                .contains("IPv6");
    }

    @Test
    void oddPort_isRefused_unlessItIsTheStoresOwnPortOnItsOwnHost() {
        assertThat(problems("https://sync.example.com:8443")).singleElement().asString()
                .contains("port 8443 is not 80, 443 or 8080");
        assertThat(problems("https://127.0.0.1:8443", "http://127.0.0.1:8443")).isEmpty();
        assertThat(problems("https://127.0.0.1:9000", "http://127.0.0.1:8443")).singleElement().asString()
                .contains("port 9000 is not 80, 443 or 8080 nor the store's own port");
        // the same port on another host is no exception
        assertThat(problems("https://sync.example.com:8443", "https://shop.example:8443")).singleElement()
                .asString().contains("port 8443");
    }

    @Test
    void eachStoreIsJudgedOnItsOwn() {
        assertThat(problems("https://127.0.0.1:8080", "http://127.0.0.1:8000", "https://shop.example"))
                .singleElement().asString().contains("https://shop.example");
    }
}
