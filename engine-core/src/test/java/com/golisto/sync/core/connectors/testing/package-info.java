/** A self-contained connector provider that the registry tests discover through ServiceLoader. */
package com.golisto.sync.core.connectors.testing;
