package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `resell` launcher (samples/cli/resell) as a user runs it: a shell script that starts a JVM on the
 * module's classes and target/cp.txt. One child process per command; exit codes and output asserted.
 */
class ResellProcessTest {
  @TempDir
  Path home;

  record Ran(int exit, String out, String err) {}

  Ran resell(String... args) throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("user.dir")).resolve("resell");
    List<String> command = new ArrayList<>(List.of("sh", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().put("RESELL_JAVA_OPTS", "-Xmx256m");
    pb.environment().remove("RESELL_DIR");
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("resell " + String.join(" ", args) + " ended").isTrue();
    return new Ran(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
        java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void launcher_initImportItems_inChildProcesses_withTheirExitCodes() throws Exception {
    Ran init = resell("init", "--dir", "books");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).contains("Started the books of 'my-shop' in " + home.resolve("books"));

    Ran imported = resell("import", Cli.examples().resolve("shopify-products.csv").toString(), "--dir", "books",
        "--apply", "-d", "acquired_on=2026-11-01", "-d", "location=GARAGE/S1", "-d", "condition=VERY_GOOD",
        "-d", "currency=USD");
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("outcome APPLIED");
    assertThat(imported.err()).isEmpty(); // stderr is a file here: no progress bar

    Ran items = resell("items", "--dir", "books");
    assertThat(items.exit()).isZero();
    assertThat(items.out()).contains("JKT-M-BLU").contains("3 item(s)");

    Ran refused = resell("items", "show", "NOPE-1", "--dir", "books");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("refused: sku 'NOPE-1'");

    Ran usage = resell("sell", "--dir", "books");
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err()).contains("Missing required options");
  }
}
