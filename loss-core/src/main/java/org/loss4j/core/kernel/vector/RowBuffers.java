package org.loss4j.core.kernel.vector;

/**
 * Per-thread float arrays for the vector row kernels: three row-sized buffers, grown when
 * needed and never shrunk, and two of {@link VectorMath#SPECIES}'s length, for a lane sum and
 * for the next row's maximum; a kernel allocates nothing per row.
 */
public final class RowBuffers {
  private static final ThreadLocal<RowBuffers> PER_THREAD =
      ThreadLocal.withInitial(RowBuffers::new);

  private float[] first = new float[0];
  private float[] second = new float[0];
  private float[] third = new float[0];
  private final float[] lanes = new float[VectorMath.SPECIES.length()];
  private final float[] aheadLanes = new float[VectorMath.SPECIES.length()];

  private RowBuffers() {}

  /** Returns this thread's buffers, each row buffer holding at least {@code length} floats. */
  public static RowBuffers of(int length) {
    RowBuffers buffers = PER_THREAD.get();
    if (buffers.first.length < length) {
      buffers.first = new float[length];
      buffers.second = new float[length];
      buffers.third = new float[length];
    }
    return buffers;
  }

  /** Returns the first row buffer. */
  public float[] first() {
    return first;
  }

  /** Returns the second row buffer. */
  public float[] second() {
    return second;
  }

  /** Returns the third row buffer. */
  public float[] third() {
    return third;
  }

  /** Returns the buffer of one vector's lanes, for {@code intoArray} before a lane sum. */
  public float[] lanes() {
    return lanes;
  }

  /** Returns a second buffer of one vector's lanes, for the next row's maximum. */
  public float[] aheadLanes() {
    return aheadLanes;
  }
}
