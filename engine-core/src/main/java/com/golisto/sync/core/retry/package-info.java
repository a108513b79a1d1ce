/**
 * Retrying remote calls: exponential backoff with jitter that honours Retry-After, on an injectable
 * sleeper. Internal to the engine.
 */
package com.golisto.sync.core.retry;
