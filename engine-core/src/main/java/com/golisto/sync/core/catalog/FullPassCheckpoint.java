package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Cursor;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an unfinished full pass stands, saved after the pages through which every write is sent and recorded
 * (writes are held across pages until a batch is full, so this may lag the page read): its generation,
 * how many pages it has done, the shop's change cursor from its first page (where the incremental cursor
 * moves once the pass completes) and the token of the next page. Kept as a store cursor
 * ({@value #NAME}) in a small URL-encoded form; removed when the pass completes.
 *
 * @param generation the pass's mark-and-sweep generation
 * @param pagesDone pages read whose writes are all sent and recorded
 * @param startedAt the shop's change cursor when the pass began, null when the shop gave none
 * @param nextPageToken the token of the first page not yet read
 */
record FullPassCheckpoint(long generation, int pagesDone, @Nullable Cursor startedAt, String nextPageToken) {

    /** The store cursor holding the checkpoint of the store's unfinished full pass. */
    static final String NAME = "catalog.full-pass";

    FullPassCheckpoint {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be positive, was " + generation);
        }
        if (pagesDone < 1) {
            throw new IllegalArgumentException("pagesDone must be positive, was " + pagesDone);
        }
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    /** The stored form. */
    String encode() {
        StringBuilder out = new StringBuilder()
                .append("generation=").append(generation)
                .append("&pages=").append(pagesDone)
                .append("&next=").append(URLEncoder.encode(nextPageToken, StandardCharsets.UTF_8));
        if (startedAt != null) {
            out.append("&started=").append(URLEncoder.encode(startedAt.value(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Reads the stored form; empty when it is not one (a checkpoint that cannot be read is not resumed). */
    static Optional<FullPassCheckpoint> decode(String stored) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : stored.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                return Optional.empty();
            }
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        try {
            String next = fields.get("next");
            String started = fields.get("started");
            if (next == null) {
                return Optional.empty();
            }
            return Optional.of(new FullPassCheckpoint(Long.parseLong(fields.getOrDefault("generation", "0")),
                    Integer.parseInt(fields.getOrDefault("pages", "0")), started == null ? null : new Cursor(started),
                    next));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
