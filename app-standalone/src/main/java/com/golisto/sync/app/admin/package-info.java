/**
 * The admin API under {@code /api} (bearer admin token, JSON, errors as {@code {"error":{"code","message"}}})
 * and the dashboard page at {@code /}: stores, connecting, syncing, runs, disconnecting and dead letters.
 */
@NullMarked
package com.golisto.sync.app.admin;

import org.jspecify.annotations.NullMarked;
