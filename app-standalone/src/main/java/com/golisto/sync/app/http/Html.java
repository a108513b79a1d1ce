package com.golisto.sync.app.http;

import org.jspecify.annotations.Nullable;

/** Escaping and a page frame for the runner's small HTML pages. Everything shown goes through {@link #escape}. */
public final class Html {
    private Html() {
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(@Nullable Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A whole page around already-escaped body markup.
     *
     * @param title plain text, escaped here
     * @param body markup whose every dynamic part the caller escaped
     */
    public static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#222}
                table{border-collapse:collapse;width:100%%;margin:.5rem 0 1.5rem}
                th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;font-size:.92rem}
                th{background:#f5f5f5}
                .ok{color:#17652b}.bad{color:#a11}.muted{color:#777}
                code{background:#f3f3f3;padding:0 .25rem}
                </style></head><body>
                %s
                </body></html>
                """.formatted(escape(title), body);
    }
}
