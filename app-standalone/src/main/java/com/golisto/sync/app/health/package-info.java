/**
 * The runner's readiness: the engine's health checks ({@code SyncEngine.health()}) plus the runner's own
 * free-disk check of the data folder, as served by {@code /readyz}, {@code /api/health}, the dashboard and the
 * metrics.
 */
package com.golisto.sync.app.health;
