package org.resellledger.samples.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import org.resellledger.core.RejectionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code resell} command: a reseller's books on the command line.
 *
 * <ul>
 *   <li>Exit codes: 0 done; 1 refused (the ledger refused the command, a file has errors, the books
 *       disagree with a channel), with what, where and why on standard error; 2 the command line is wrong.
 *   <li>Standard output carries only the result (text, or one JSON document with {@code --json}); messages,
 *       refusals and the progress bar go to standard error, the bar only when it is a terminal.
 *   <li>Every change goes through the ledger's commands, as the library's users make them.
 * </ul>
 */
@Command(name = "resell", mixinStandardHelpOptions = true, version = "resell 0.1.0-SNAPSHOT",
    description = "A reseller's books: items, listings, sales and CSV imports, kept by resell ledger.",
    subcommands = {InitCommand.class, IntakeCommand.class, ItemsCommand.class, ListCommand.class,
        SellCommand.class, ImportCommand.class, ExportCommand.class, RestoreCommand.class, InboxCommand.class, ReconcileCommand.class,
        ProposalsCommand.class, OrdersCommand.class, MessagesCommand.class, QueuesCommand.class, DashboardCommand.class, WeeklyCommand.class, WebCommand.class,
        CountCommand.class,
        CommandLine.HelpCommand.class})
public final class Resell implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }

  public static void main(String[] args) {
    System.exit(run(Context.system(), args));
  }

  /** Runs one command line; returns its exit code. */
  static int run(Context ctx, String... args) {
    return commandLine(ctx).execute(args);
  }

  static CommandLine commandLine(Context ctx) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        try {
          Constructor<K> withContext = cls.getDeclaredConstructor(Context.class);
          return withContext.newInstance(ctx);
        } catch (NoSuchMethodException e) {
          return CommandLine.defaultFactory().create(cls);
        }
      }
    };
    CommandLine cl = new CommandLine(new Resell(), factory);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(ctx.out(), true));
    cl.setErr(new PrintWriter(ctx.err(), true));
    cl.setParameterExceptionHandler((e, args) -> {
      // the message names the option and the value; the usage is one --help away, not a screenful
      ctx.err().println("usage: " + e.getMessage());
      ctx.err().println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return 2;
    });
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      boolean json = parsed.subcommands().stream().flatMap(p -> p.subcommands().stream().findAny().stream())
          .anyMatch(p -> p.hasMatchedOption("--json")) || parsed.subcommands().stream()
          .anyMatch(p -> p.hasMatchedOption("--json"));
      if (e instanceof RejectionException r) {
        ctx.err().println("refused: " + Out.refusal(r));
        if (json) {
          ctx.out().println(Out.write(Out.refusalJson(r)));
        }
        return 1;
      }
      if (e instanceof Refused) {
        ctx.err().println("refused: " + e.getMessage());
        if (json) {
          ctx.out().println(Out.write(Out.obj("refused", Out.obj("message", e.getMessage()))));
        }
        return 1;
      }
      if (e instanceof Usage) {
        ctx.err().println("usage: " + e.getMessage());
        ctx.err().println("See '" + line.getCommandSpec().qualifiedName() + " --help'.");
        return 2;
      }
      ctx.err().println("error: " + e);
      return 1;
    });
    return cl;
  }
}
