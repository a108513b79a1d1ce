package com.golisto.sync.api.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Within the annotated module, package, class, method or constructor, no type includes {@code null}
 * unless it says so with {@link Nullable}: parameters, return values, fields, record components and type
 * arguments are non-null by default.
 *
 * <p>It means what JSpecify's {@code com.golisto.sync.api.annotations.NullMarked} means; engine-api declares its
 * own so that the API module depends on nothing but the JDK. NullAway recognises a null-marked scope by an
 * annotation named {@code NullMarked} on the module, package or class, so this one switches its checks on
 * for engine-api's own code (built with {@code OnlyNullMarked}) and for every caller compiled against it.
 * A module's annotations are not seen by readers on the class path: mark each exported package too (its
 * {@code package-info.java}). Retained at run time so tests and tools can see the marking.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.MODULE, ElementType.PACKAGE, ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface NullMarked {
}
