/**
 * The command line (picocli): {@code demo}, {@code serve}, {@code stores}, {@code connect}, {@code status},
 * {@code sync}, {@code disconnect}, {@code dead-letters}, {@code admin-token} and {@code bench}, each with
 * {@code --help}. Exit codes: 0 success, 1 failure, 2 bad usage or configuration.
 */
@NullMarked
package com.golisto.sync.app.cli;

import org.jspecify.annotations.NullMarked;
