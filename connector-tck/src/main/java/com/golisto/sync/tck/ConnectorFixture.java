package com.golisto.sync.tck;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorProvider;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every contract needs from a connector author's test: the provider under test, settings that open it
 * against a live remote (an emulator, a sandbox account), the context it is opened with, and two controls over
 * that remote. {@link ShopFixture} and {@link MarketplaceFixture} add the operations of their role.
 *
 * <p>A contract creates one fixture per check and {@linkplain #close() closes} it after; a fixture may therefore
 * start its remote in its constructor. Methods are called from the test thread only.
 */
public interface ConnectorFixture extends AutoCloseable {

    /** The provider under test, as {@link java.util.ServiceLoader} would create it. */
    ConnectorProvider provider();

    /**
     * Raw settings that are valid for {@link #provider()} and open a connector that works against the remote. The
     * values of the descriptor's secret settings are also what the checks look for in every {@code toString()} and
     * exception message, so give them realistic (long, unique) values.
     */
    Map<String, String> settings();

    /**
     * The context the connector is opened with: the same instance on every call. Its clock must be the remote's
     * clock (see {@link #advanceTime}); its {@link com.golisto.sync.api.spi.StoreSecrets} should hold the
     * webhook secret when the connector verifies webhooks. {@link TckContext} is a ready one.
     */
    ConnectorContext context();

    /**
     * Lets this much time pass for the remote and for {@link #context()}'s clock: the checks of change reads and
     * replay windows need time between a change and the next. An emulator advances its clock; a real remote
     * sleeps. Called with durations from one second to one day.
     */
    void advanceTime(Duration duration) throws Exception;

    /**
     * Makes the remote answer the next request of the connector with this HTTP status (and a {@code Retry-After}
     * header of whole seconds when {@code retryAfter} is given) instead of serving it. Used by the error-mapping
     * checks with 429, 500, 503 and 401.
     */
    void failNextCall(int status, @Nullable Duration retryAfter) throws Exception;

    /**
     * Makes the remote close the connection of the connector's next request without answering. An HTTP client may
     * resend an idempotent request once on a closed connection by itself ({@code java.net.http} does): reset that
     * resend too, so that the connector sees the failure.
     *
     * @return false when the fixture cannot (the check is skipped)
     */
    default boolean resetNextConnection() throws Exception {
        return false;
    }

    /**
     * Makes the remote cut the answer to the connector's next request short of its declared length.
     *
     * @return false when the fixture cannot (the check is skipped)
     */
    default boolean truncateNextAnswer() throws Exception {
        return false;
    }

    /** Stops what the fixture started; never throws. The default does nothing. */
    @Override
    default void close() {
    }
}
