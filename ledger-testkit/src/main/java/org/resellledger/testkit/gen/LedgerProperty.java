package org.resellledger.testkit.gen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A generated-input test: JUnit runs the method {@link #tries()} times, each with its own seeded
 * {@link java.util.random.RandomGenerator} parameter. Each try's display name shows its seed; a failing try
 * fails with its seed and the {@code -Dledger.seed=...} that reruns exactly that try (one try, same input).
 *
 * <pre>{@code
 * @LedgerProperty(tries = 200)
 * void skusAreStoredUpperCase(RandomGenerator random) {
 *   Sku sku = Gens.skus().next(random);
 *   assertThat(sku.value()).isEqualTo(sku.value().toUpperCase(Locale.ROOT));
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(LedgerPropertyExtension.class)
public @interface LedgerProperty {
  /** How many tries, each with its own seed; one when {@code -Dledger.seed} pins the seed. */
  int tries() default 100;
}
