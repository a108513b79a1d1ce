/** The runner's entry point: {@link com.golisto.sync.app.Main}. */
package com.golisto.sync.app;
