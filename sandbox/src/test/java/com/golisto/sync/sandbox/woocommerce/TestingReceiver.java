package com.golisto.sync.sandbox.woocommerce;

import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP receiver for webhook deliveries and wc-auth callbacks that records what arrives. */
final class TestingReceiver extends EmulatorServer {

    private final CopyOnWriteArrayList<EmulatorRequest> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    TestingReceiver answering(int code) {
        this.status = code;
        return this;
    }

    @Override
    protected EmulatorResponse handle(EmulatorRequest request) {
        received.add(request);
        return EmulatorResponse.empty(status);
    }

    List<EmulatorRequest> received() {
        return List.copyOf(received);
    }

    URI url(String path) {
        return baseUri().resolve(path);
    }

    static TestingReceiver started() {
        TestingReceiver r = new TestingReceiver();
        r.start();
        return r;
    }
}
