package org.resellledger.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in this JVM with captured streams, as a shell would in {@code dir}. */
final class Cli {
  /** What one run left: its exit code and both streams. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private final Path workingDir;
  private final Map<String, String> env;
  private final boolean terminal;

  Cli(Path workingDir, Map<String, String> env, boolean terminal) {
    this.workingDir = workingDir;
    this.env = env;
    this.terminal = terminal;
  }

  static Cli in(Path dir) {
    return new Cli(dir, Map.of("USER", "maya"), false);
  }

  Cli onATerminal() {
    return new Cli(workingDir, env, true);
  }

  Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int exit = Resell.run(new Context(o, e, env, workingDir, terminal), args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** The module's examples directory (the README's files). */
  static Path examples() {
    return Path.of(System.getProperty("user.dir")).resolve("examples").toAbsolutePath();
  }
}
