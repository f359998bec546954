package org.resellledger.samples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar on the error stream, redrawn in place ({@code \r}); silent when the error stream is not a
 * terminal (a pipe, a file, a test) or when asked to be, so that scripts never see it.
 */
final class Progress implements AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final boolean on;
  private final String label;
  private final long total;
  private long done;
  private int drawnPercent = -1;
  private long drawnAt;
  private boolean drawn;

  Progress(PrintStream err, boolean on, String label, long total) {
    this.err = err;
    this.on = on;
    this.label = label;
    this.total = total;
  }

  static Progress of(Context ctx, boolean quiet, String label, long total) {
    return new Progress(ctx.err(), ctx.terminal() && !quiet, label, total);
  }

  void advance(long n) {
    done += n;
    draw(false);
  }

  /** Says what happens now, when it has no measure (the apply's second pass). */
  void phase(String what) {
    if (on) {
      err.print("\r" + what + " ".repeat(Math.max(0, WIDTH + 30 - what.length())));
      err.flush();
      drawn = true;
    }
  }

  private void draw(boolean last) {
    if (!on) {
      return;
    }
    int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    long now = System.nanoTime();
    if (!last && percent == drawnPercent && now - drawnAt < 200_000_000L) {
      return;
    }
    drawnPercent = percent;
    drawnAt = now;
    err.print("\r" + bar(label, done, total));
    err.flush();
    drawn = true;
  }

  /** {@code label [#########.....] 60% 3/5}. */
  static String bar(String label, long done, long total) {
    if (total <= 0) {
      return label + " " + done;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    int filled = percent * WIDTH / 100;
    return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/" + total;
  }

  @Override
  public void close() {
    if (on && drawn) {
      err.println();
    }
  }

  /** A stream that moves the bar by the bytes read through it. */
  InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          advance(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          advance(n);
        }
        return n;
      }
    };
  }
}
