package com.golisto.sync.api.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated type includes {@code null}: a parameter, return value, field, record component or type
 * argument of this type may be null, and a reader must check before using it. Inside {@link NullMarked}
 * code every type without it excludes null.
 *
 * <p>A type-use annotation, placed right before the simple type name: {@code @Nullable String sku},
 * {@code Flow.@Nullable Subscription}, {@code String @Nullable []} (a nullable array). It means what
 * JSpecify's {@code com.golisto.sync.api.annotations.Nullable} means; engine-api declares its own so that the API
 * module depends on nothing but the JDK. NullAway, which checks every module of Golisto Sync, treats any
 * annotation named {@code Nullable} alike, so code that uses JSpecify's reads this one correctly.
 * Retained at run time, like JSpecify's, for tools that read signatures reflectively.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Nullable {
}
