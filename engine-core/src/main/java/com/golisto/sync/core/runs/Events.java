package com.golisto.sync.core.runs;

import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.EngineListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's listeners; delivers each event to all of them, shielding the engine from their failures. */
public final class Events {

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; closing the result removes it. */
    public AutoCloseable subscribe(EngineListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Delivers the event to every listener, in order, on the calling thread. */
    public void emit(EngineEvent event) {
        for (EngineListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("an engine listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
