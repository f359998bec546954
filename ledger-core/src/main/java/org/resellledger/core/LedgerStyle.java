package org.resellledger.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: package-private implementations, JDK-only generated code. A
 * value type declares {@code class Builder extends ImmutableX.Builder {}} and a static {@code builder()} so
 * that generated classes never appear in public signatures.
 *
 * <p>Builders are not strict: a correction starts from the stored value ({@code builder().from(item)}) and
 * sets the fields that change, which strict builders forbid. A missing required field still fails at
 * {@code build()} naming the field.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = true))
public @interface LedgerStyle {}
