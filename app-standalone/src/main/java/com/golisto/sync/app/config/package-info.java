/**
 * The runner's configuration: one YAML file whose every key an environment variable can override,
 * checked at start with every problem listed by key, with defaults that serve the embedded case; and
 * the secrets the runner keeps next to its data (the admin token).
 */
@NullMarked
package com.golisto.sync.app.config;

import org.jspecify.annotations.NullMarked;
