package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicUrlsTest {
    @Test
    void problems_httpsOnAStandardPort_none() {
        assertThat(PublicUrls.problems(URI.create("https://sync.example.com"))).isEmpty();
        assertThat(PublicUrls.problems(URI.create("https://sync.example.com:8080/golisto"))).isEmpty();
    }

    @Test
    void problems_loopbackPrivateOrOddPort_namesEach() {
        assertThat(PublicUrls.problems(URI.create("http://127.0.0.1:8080"))).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("loopback or private"))
                .anySatisfy(p -> assertThat(p).contains("not HTTPS"));
        assertThat(PublicUrls.problems(URI.create("https://192.168.1.20"))).singleElement()
                .satisfies(p -> assertThat(p).contains("private"));
        assertThat(PublicUrls.problems(URI.create("https://sync.example.com:8443"))).singleElement()
                .satisfies(p -> assertThat(p).contains("port 8443"));
        assertThat(PublicUrls.problems(URI.create("https://localhost"))).singleElement()
                .satisfies(p -> assertThat(p).contains("localhost"));
    }
}
