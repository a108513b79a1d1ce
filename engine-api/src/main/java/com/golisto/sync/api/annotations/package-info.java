/**
 * The API module's nullness annotations, {@link com.golisto.sync.api.annotations.NullMarked @NullMarked} and
 * {@link com.golisto.sync.api.annotations.Nullable @Nullable}: the same meaning as JSpecify's, declared here
 * so that engine-api depends on nothing but the JDK. Every signature of the SPI and model is null-marked;
 * connector authors may annotate their own code with these or with JSpecify's (NullAway reads both).
 */
@NullMarked
package com.golisto.sync.api.annotations;
