package org.loss4j.cli.eval;

import java.io.PrintWriter;

/**
 * A progress bar on standard error, shown only on a terminal and only once the work has taken
 * more than {@link #DELAY_NANOS}, so that quick runs and pipes stay clean.
 */
public final class Progress {
  /** How long work runs before the bar appears: half a second. */
  static final long DELAY_NANOS = 500_000_000L;
  private static final long REFRESH_NANOS = 100_000_000L;
  private static final int WIDTH = 40;

  private final PrintWriter err;
  private final boolean enabled;
  private final long total;
  private final long started;
  private long lastDrawn;
  private boolean shown;

  private Progress(PrintWriter err, boolean enabled, long total) {
    this.err = err;
    this.enabled = enabled;
    this.total = Math.max(1, total);
    this.started = System.nanoTime();
  }

  /** Returns a bar over {@code total} units, drawn only when a console is attached. */
  public static Progress onConsole(PrintWriter err, long total) {
    return new Progress(err, System.console() != null, total);
  }

  /** Returns a bar that never draws. */
  public static Progress silent() {
    return new Progress(null, false, 1);
  }

  /** Reports that {@code done} of the total units are finished. */
  public void update(long done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - started < DELAY_NANOS || (shown && now - lastDrawn < REFRESH_NANOS)) {
      return;
    }
    draw(done);
    lastDrawn = now;
  }

  private void draw(long done) {
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + (100 * Math.min(done, total) / total) + "%");
    err.flush();
    shown = true;
  }

  /** Completes the bar and ends its line, if it was drawn. */
  public void finish() {
    if (shown) {
      draw(total);
      abandon();
    }
  }

  /** Ends the bar's line where it stands, if it was drawn (the work failed). */
  public void abandon() {
    if (shown) {
      err.println();
      err.flush();
      shown = false;
    }
  }
}
