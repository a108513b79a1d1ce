/**
 * The neutral commerce model that flows between connectors and the engine: immutable records that
 * validate themselves on construction. No shop's or marketplace's field names appear here; each
 * connector maps its remote's representation to and from these types.
 *
 * <p>Conventions: money is {@link com.golisto.sync.api.model.Money} (BigDecimal plus currency, never a
 * double); optional values are {@code null} in record components annotated
 * {@link com.golisto.sync.api.annotations.Nullable @Nullable} and exposed as {@code Optional} through helper methods
 * where callers need them; every other component is non-null; collections are copied and unmodifiable.
 */
@NullMarked
package com.golisto.sync.api.model;

import com.golisto.sync.api.annotations.NullMarked;
