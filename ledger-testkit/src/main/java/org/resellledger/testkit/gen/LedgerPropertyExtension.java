package org.resellledger.testkit.gen;

import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs {@link LedgerProperty} methods: one invocation per try, each resolving a {@link RandomGenerator}
 * (a {@link SplittableRandom}) seeded with the try's seed, and failing with that seed in the message.
 *
 * <p>The tries of one method derive from one master seed ({@link Seeds#derive}); try 1 uses the master
 * itself. {@code -Dledger.seed=S} runs a single try with seed S, which is how a printed seed replays.
 */
public final class LedgerPropertyExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(LedgerProperty.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    int tries = method.getAnnotation(LedgerProperty.class).tries();
    if (tries < 1) {
      throw new IllegalArgumentException("@LedgerProperty(tries) must be at least 1 on " + method);
    }
    var pinned = Seeds.fromSystemProperty();
    long master = Seeds.pinnedOrRandom();
    int count = pinned.isPresent() ? 1 : tries;
    return LongStream.range(0, count).mapToObj(i -> new Try(i + 1, Seeds.derive(master, i)));
  }

  /** One invocation: its seed, as a display name, a parameter and a failure message. */
  private record Try(long number, long seed) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return "try " + number + " (seed " + Seeds.format(seed) + ")";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new SeededRandom(seed));
    }
  }

  /** Resolves the try's generator and puts the seed on any failure. */
  static final class SeededRandom implements ParameterResolver, TestExecutionExceptionHandler {
    private final long seed;

    SeededRandom(long seed) {
      this.seed = seed;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == RandomGenerator.class || type == SplittableRandom.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
        throws ParameterResolutionException {
      return new SplittableRandom(seed);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
      String where = context.getTestMethod().map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
          .orElse(context.getDisplayName());
      String rerun = "seed " + Seeds.format(seed) + " (rerun with -D" + Seeds.PROPERTY + "=" + Seeds.format(seed)
          + " -Dtest='" + where.replace('.', '#') + "')";
      if (failure instanceof AssertionError) {
        AssertionError withSeed = new AssertionError(where + " failed for " + rerun + ": " + failure.getMessage(),
            failure);
        withSeed.setStackTrace(failure.getStackTrace());
        throw withSeed;
      }
      failure.addSuppressed(new AssertionError("failed for " + rerun));
      throw failure;
    }
  }
}
