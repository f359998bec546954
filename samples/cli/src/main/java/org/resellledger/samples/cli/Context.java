package org.resellledger.samples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run of the command writes and what it may read of its surroundings: the output and error streams,
 * the environment, the working directory and whether the error stream is a terminal (the progress bar).
 */
record Context(PrintStream out, PrintStream err, Map<String, String> env, Path workingDir, boolean terminal) {
  static Context system() {
    return new Context(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
        System.console() != null);
  }
}
