package com.golisto.sync.core.wiring;

import com.golisto.sync.core.connection.ConnectionListener;
import com.golisto.sync.core.store.StoreRecord;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ConnectionListener} bound once after construction: the connection flows need it before the
 * services that react to connection changes exist. Forwards every call; binding is the only state.
 */
final class LateConnectionListener implements ConnectionListener {

    // null until bind(); the services are wired before any store is touched, so no call comes earlier
    private volatile @Nullable ConnectionListener target;

    void bind(ConnectionListener listener) {
        if (target != null) {
            throw new IllegalStateException("already bound");
        }
        this.target = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void registered(StoreRecord record) {
        target().registered(record);
    }

    @Override
    public void approved(String storeId) {
        target().approved(storeId);
    }

    @Override
    public void stopped(String storeId) {
        target().stopped(storeId);
    }

    @Override
    public void statusPolled(String storeId) {
        target().statusPolled(storeId);
    }

    private ConnectionListener target() {
        return Objects.requireNonNull(target, "the connection listener is not bound yet");
    }
}
