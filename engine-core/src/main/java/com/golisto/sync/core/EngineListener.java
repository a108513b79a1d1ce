package com.golisto.sync.core;

/**
 * Receives {@link EngineEvent}s. Called synchronously on the engine's worker threads (virtual threads),
 * possibly from several at once: implementations must be thread-safe and quick (hand slow work to a
 * queue). An exception thrown by a listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface EngineListener {

    /** One event. */
    void onEvent(EngineEvent event);
}
