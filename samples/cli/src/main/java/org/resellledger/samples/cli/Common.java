package org.resellledger.samples.cli;

import java.nio.file.Path;
import org.resellledger.core.ledger.Origin;
import picocli.CommandLine.Option;

/** The options every command that reads or writes the books takes. */
final class Common {
  @Option(names = "--dir", paramLabel = "DIR",
      description = "The books' directory (default: $RESELL_DIR, else ./resell-data).")
  Path dir;

  @Option(names = "--json", description = "Write JSON for scripts instead of text.")
  boolean json;

  @Option(names = "--by", paramLabel = "PERSON", description = "Who does it, named on the events (default: $USER).")
  String by;

  Path dir(Context ctx) {
    Path d = dir != null ? dir : Path.of(ctx.env().getOrDefault("RESELL_DIR", "resell-data"));
    return ctx.workingDir().resolve(d).normalize();
  }

  Origin origin(Context ctx) {
    String who = by != null ? by : ctx.env().getOrDefault("USER", "me");
    return Origin.manual(who.isBlank() ? "me" : who);
  }
}
