package org.resellledger.samples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command over the books in {@code --dir}: opens them, runs, closes them. Returns the exit code. */
abstract class BooksCommand implements Callable<Integer> {
  final Context ctx;

  @Mixin
  Common common;

  BooksCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public final Integer call() throws Exception {
    try (Books books = Books.open(common.dir(ctx), ctx)) {
      return run(books);
    }
  }

  abstract int run(Books books) throws Exception;

  Out out() {
    return new Out(ctx, common.json);
  }
}
