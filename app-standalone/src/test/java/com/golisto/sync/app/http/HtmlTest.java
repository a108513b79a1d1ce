package com.golisto.sync.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escape_markupAndQuotes_becomeEntities() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void page_escapesTheTitle() {
        assertThat(Html.page("<b>", "<p>ok</p>")).contains("<title>&lt;b&gt;</title>").contains("<p>ok</p>");
    }
}
