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
  void web_servesTheBooksTheCommandsKeep_untilStopped() throws Exception {
    assertThat(resell("init", "--dir", "books").exit()).isZero();
    assertThat(resell("import", Cli.examples().resolve("shopify-products.csv").toString(), "--dir", "books",
        "--apply", "-d", "acquired_on=2026-11-01", "-d", "location=GARAGE/S1", "-d", "condition=VERY_GOOD",
        "-d", "currency=USD").exit()).isZero();

    Path script = Path.of(System.getProperty("user.dir")).resolve("resell");
    ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), "web", "--dir", "books", "--as", "maya",
        "--port", "0").directory(home.toFile());
    pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().put("RESELL_JAVA_OPTS", "-Xmx256m");
    Path out = home.resolve("web-out.txt");
    pb.redirectOutput(out.toFile()).redirectError(home.resolve("web-err.txt").toFile());
    Process web = pb.start();
    try {
      String address = null;
      java.util.regex.Pattern printed = java.util.regex.Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
      for (int i = 0; i < 600 && address == null; i++) {
        Thread.sleep(100);
        java.util.regex.Matcher m = printed.matcher(java.nio.file.Files.readString(out, StandardCharsets.UTF_8));
        address = m.find() ? m.group(1) : null;
      }
      assertThat(address).as("the dashboard's address on stdout").isNotNull();
      java.net.URI base = java.net.URI.create(address);
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpResponse<String> items = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("items"))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      java.net.http.HttpResponse<String> queues = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("queues"))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(items.statusCode()).isEqualTo(200);
      assertThat(items.body()).contains("JKT-M-BLU");
      assertThat(queues.statusCode()).isEqualTo(200);
    } finally {
      web.destroy();
      assertThat(web.waitFor(30, TimeUnit.SECONDS)).as("resell web stopped").isTrue();
    }
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
