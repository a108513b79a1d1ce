package com.golisto.sync.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes each log event as one JSON object on one line: {@code time} (ISO-8601, UTC, milliseconds), {@code level},
 * {@code store} (the MDC's store, {@code null} outside store work), {@code run} and {@code event} (from the MDC, or
 * from the message's own {@code event=...} and {@code run=...} fields, which the runner's event lines carry),
 * {@code message}, {@code logger}, {@code thread} and, when there is one, {@code exception} (the stack trace as
 * one string). Jackson escapes every value, so text from requests (already made safe by {@code LogValue}) can
 * never end the line or forge a field.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
    /** The MDC key of the store (the runner's {@code LogContext.STORE}). */
    static final String STORE = "store";
    /** The MDC key of a run id, when set. */
    static final String RUN = "run";
    /** The MDC key of an event name, when set. */
    static final String EVENT = "event";

    private static final Pattern EVENT_FIELD = Pattern.compile("(?:^|\\s)event=([A-Za-z0-9_.-]+)");
    private static final Pattern RUN_FIELD = Pattern.compile("(?:^|\\s)run=([A-Za-z0-9_.-]+)");
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            Map<String, String> mdc = event.getMDCPropertyMap();
            String message = event.getFormattedMessage();
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp())
                    .truncatedTo(ChronoUnit.MILLIS).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("store", mdc.get(STORE));
            json.writeStringField("run", or(mdc.get(RUN), field(RUN_FIELD, message)));
            json.writeStringField("event", or(mdc.get(EVENT), field(EVENT_FIELD, message)));
            json.writeStringField("message", message);
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.writeStringField("exception", stackTrace(thrown));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append('\n').toString();
    }

    /** The whole stack trace, causes included, as {@link Throwable#printStackTrace()} writes it. */
    private static String stackTrace(IThrowableProxy thrown) {
        if (thrown instanceof ThrowableProxy proxy) {
            StringWriter trace = new StringWriter();
            try (PrintWriter writer = new PrintWriter(trace)) {
                proxy.getThrowable().printStackTrace(writer);
            }
            return trace.toString();
        }
        return ThrowableProxyUtil.asString(thrown);
    }

    private static @Nullable String field(Pattern pattern, @Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static @Nullable String or(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }

    @Override
    public String getContentType() {
        return "application/x-ndjson";
    }
}
