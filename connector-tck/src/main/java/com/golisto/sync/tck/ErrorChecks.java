package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SyncException;
import java.time.Duration;

/**
 * Error mapping, as {@code SyncException}'s subtypes state it: a rate limit and a server error are retryable (a
 * rate limit's {@code Retry-After} carried), a bad request is permanent, a refused credential is
 * {@link CredentialsRejectedException}, none of
 * them retried by the connector itself (the engine owns retries), and no message shows a secret.
 */
final class ErrorChecks {

    static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    private ErrorChecks() {
    }

    static void rateLimitIsRetryableWithRetryAfter(ConnectorFixture fixture, RemoteCall call) throws Exception {
        fixture.failNextCall(429, RETRY_AFTER);
        RetryableException e = thrown(fixture, call, RetryableException.class, "a 429 answer");
        assertThat(e.retryAfter()).as("the Retry-After of a 429 answer is carried by the RetryableException")
                .contains(RETRY_AFTER);
    }

    static void serverErrorIsRetryable(ConnectorFixture fixture, RemoteCall call) throws Exception {
        for (int status : new int[] {500, 503}) {
            fixture.failNextCall(status, null);
            thrown(fixture, call, RetryableException.class, "a " + status + " answer");
            // the remote serves again: the connector is not left broken
            fixture.advanceTime(Duration.ofMinutes(1));
        }
        call.run();
    }

    /** A reset connection and a cut answer are transient: retryable. */
    static void transportFailuresAreRetryable(ConnectorFixture fixture, RemoteCall call) throws Exception {
        boolean any = false;
        if (fixture.resetNextConnection()) {
            any = true;
            thrown(fixture, call, RetryableException.class, "a connection reset without an answer");
        }
        if (fixture.truncateNextAnswer()) {
            any = true;
            thrown(fixture, call, RetryableException.class, "an answer cut short");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(any,
                "the fixture can neither reset a connection nor cut an answer short");
        call.run();
    }

    /** A 400 says the request itself is wrong: sending it again fails again, so it is not retryable. */
    static void clientErrorIsPermanent(ConnectorFixture fixture, RemoteCall call) throws Exception {
        fixture.failNextCall(400, null);
        SyncException e = thrown(fixture, call, SyncException.class, "a 400 answer");
        assertThat(e).as("a 400 answer is permanent: neither retryable nor a credentials rejection")
                .isNotInstanceOfAny(RetryableException.class, CredentialsRejectedException.class);
    }

    static void refusedCredentialsAreReported(ConnectorFixture fixture, RemoteCall call) throws Exception {
        fixture.failNextCall(401, null);
        thrown(fixture, call, CredentialsRejectedException.class, "a 401 answer");
    }

    private static <T extends Throwable> T thrown(ConnectorFixture fixture, RemoteCall call, Class<T> type,
            String what) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as("the call answered with %s throws %s (and is not retried by the connector)", what,
                type.getSimpleName()).isInstanceOf(type);
        SecretScan.of(fixture).assertClean("the exception for " + what, thrown);
        return type.cast(thrown);
    }
}
