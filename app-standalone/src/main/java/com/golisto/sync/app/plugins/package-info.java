/**
 * The plugins folder: each subfolder is one plugin, its jars resolved into a module layer of its own (one class
 * loader per layer) whose parent is the layer holding the engine's SPI, so that two plugins can carry different
 * versions of one library. {@link com.golisto.sync.app.plugins.PluginLoader} loads them and reports each plugin
 * that cannot be used, without stopping the others.
 */
@NullMarked
package com.golisto.sync.app.plugins;

import org.jspecify.annotations.NullMarked;
