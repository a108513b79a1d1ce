package com.golisto.sync.core;

/**
 * Receives {@link EngineEvent}s. Called synchronously on the thread that did the work (an engine worker,
 * a virtual thread, or the host's thread for calls such as {@link SyncEngine#refreshStatus}), possibly
 * from several at once: implementations must be thread-safe and quick (hand slow work to a queue). An
 * exception thrown by a listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface EngineListener {

    /** One event. */
    void onEvent(EngineEvent event);
}
