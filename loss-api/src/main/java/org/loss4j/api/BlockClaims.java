package org.loss4j.api;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The blocks {@code 0..blocks-1} of one call, each run once by whichever thread claims it next:
 * the calling thread and the helper tasks it forks to its fork-join pool (the common pool's
 * submission queue outside any pool) take blocks from one counter until none is left, so a
 * helper that starts late takes fewer.
 *
 * <p>When the caller runs out of blocks it takes back, newest first, the helpers that no thread
 * has started yet, so that none stays queued holding the call's inputs. A helper it cannot take
 * back (another task was queued above it) finds no block when it runs, and by then the call has
 * dropped its reference to the inputs. The caller then waits for the blocks still running
 * elsewhere, at most one per helper: it spins for up to {@link #SPIN_NANOS} first, since parking
 * would cost a wake-up as long as a block (tens of microseconds on a virtual machine) and the
 * calls worth splitting last only a millisecond or two; then it parks. An interrupt does not end
 * the wait, and the thread's interrupt status is kept.
 *
 * <p>The first exception or error a block throws, on any thread, is rethrown to the caller once
 * every block has ended; no block starts after it.
 */
final class BlockClaims {
  /** How long the calling thread spins for the last blocks before it parks. */
  static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  private final int blocks;
  private IntConsumer block;
  private final AtomicInteger nextBlock = new AtomicInteger();
  private final AtomicInteger endedBlocks = new AtomicInteger();
  private volatile Thread waiter;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /**
   * Creates the claims of one call.
   *
   * @param blocks the number of blocks, at least 1
   * @param block runs the block whose index it is given; called once per index, on any thread
   */
  BlockClaims(int blocks, IntConsumer block) {
    this.blocks = blocks;
    this.block = block;
  }

  /**
   * Runs every block, on the calling thread and on {@code helpers} tasks forked to the calling
   * thread's pool (the common pool outside any), and returns when all have ended.
   *
   * @param helpers how many helper tasks to fork, at least 0
   * @throws RuntimeException the first a block threw, itself
   * @throws Error the first a block threw, itself
   * @throws IllegalStateException wrapping the first checked exception a block threw
   */
  void run(int helpers) {
    ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
    for (int i = 0; i < helpers; i++) {
      tasks[i] = ForkJoinTask.adapt(this::claimBlocks).fork();
    }
    claimBlocks();
    for (int i = helpers - 1; i >= 0; i--) {
      tasks[i].tryUnfork();
    }
    awaitEndedBlocks();
    block = null;
    rethrowFailure();
  }

  /**
   * Runs blocks until none is left to claim. After a failure the blocks still claimed are
   * counted as ended without running, so that the caller's wait ends.
   */
  private void claimBlocks() {
    for (int next = nextBlock.getAndIncrement(); next < blocks;
        next = nextBlock.getAndIncrement()) {
      try {
        if (failure.get() == null) {
          block.accept(next);
        }
      } catch (Throwable thrown) {
        failure.compareAndSet(null, thrown);
      } finally {
        if (endedBlocks.incrementAndGet() == blocks) {
          LockSupport.unpark(waiter);
        }
      }
    }
  }

  /**
   * Returns once every block has ended: spinning first, then parking. An interrupt would make
   * every park return at once, so the interrupt status is cleared for the wait and set again
   * after it.
   */
  private void awaitEndedBlocks() {
    long spinStart = System.nanoTime();
    boolean interrupted = false;
    while (endedBlocks.get() < blocks) {
      if (System.nanoTime() - spinStart < SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        waiter = Thread.currentThread();
        if (endedBlocks.get() < blocks) {
          LockSupport.park(this);
          interrupted |= Thread.interrupted();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrowFailure() {
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException) {
      throw (RuntimeException) thrown;
    }
    if (thrown instanceof Error) {
      throw (Error) thrown;
    }
    if (thrown != null) {
      throw new IllegalStateException(thrown);
    }
  }
}
