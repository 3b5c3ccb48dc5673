package org.loss4j.api;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Collects the three arguments every Keras loss shares, {@code reduction}, {@code name} and
 * {@code dtype}, for the builder of one loss; the loss's constructor hands the builder to
 * {@link AbstractLoss#AbstractLoss(String, LossBuilder)}, which validates them once.
 *
 * <p>This class is an extension point: a loss's builder extends it, naming itself as {@code B} so
 * that the shared setters return the loss's own builder, adds setters for the loss's own
 * arguments and implements {@link #build()}. The shared arguments start from Keras's defaults:
 * {@code sum_over_batch_size}, the loss's default name and float32.
 *
 * <pre>{@code
 * public final class Hinge extends AbstractLoss {
 *   private final double margin;
 *
 *   private Hinge(Builder builder) {
 *     super("hinge", builder);   // refuses a bad reduction or dtype, naming Hinge
 *     this.margin = builder.margin;
 *   }
 *
 *   public static Builder builder() {
 *     return new Builder();
 *   }
 *
 *   public LossConfig config() {
 *     return putCommonArguments(LossConfig.builder("hinge").put("margin", margin)).build();
 *   }
 *
 *   // perSampleShape, forward and backward as AbstractLoss describes
 *
 *   public static final class Builder extends LossBuilder<Hinge, Builder> {
 *     private double margin = 1.0;
 *
 *     public Builder margin(double margin) {
 *       this.margin = margin;
 *       return this;
 *     }
 *
 *     public Hinge build() {
 *       return new Hinge(this);
 *     }
 *   }
 * }
 *
 * Hinge.builder().margin(0.5).reduction(Reduction.SUM).dtype("float64").build();
 * }</pre>
 *
 * <p>The setters only record what they are given; strings are parsed, and refused with a message
 * naming the loss, when the loss is built.
 *
 * @param <L> the loss this builder builds
 * @param <B> the concrete builder, returned by every shared setter
 */
public abstract class LossBuilder<L extends Loss, B extends LossBuilder<L, B>> {
  private String reduction = Reduction.SUM_OVER_BATCH_SIZE.kerasName();
  private String name;
  private String dtype = DType.FLOAT32.kerasName();

  /** Starts from Keras's defaults: {@code sum_over_batch_size}, the default name, float32. */
  protected LossBuilder() {}

  /** Sets the reduction; null means Keras's {@code None} (no reduction). */
  public B reduction(Reduction reduction) {
    this.reduction = reduction == null ? null : reduction.kerasName();
    return self();
  }

  /**
   * Sets the reduction by its Keras string, such as {@code "sum"} (ignoring case); null means
   * Keras's {@code None}. A configuration gives back null and {@code "none"} as they were given.
   */
  public B reduction(String reduction) {
    this.reduction = reduction;
    return self();
  }

  /** Sets the Keras {@code name}; null or empty means the loss's default name. */
  public B name(String name) {
    this.name = name;
    return self();
  }

  /** Sets the compute type, float32 or float64; null means float32. */
  public B dtype(DType dtype) {
    this.dtype = dtype == null ? null : dtype.kerasName();
    return self();
  }

  /**
   * Sets the compute type by its Keras string, {@code "float32"} or {@code "float64"} (ignoring
   * case); null means float32.
   */
  public B dtype(String dtype) {
    this.dtype = dtype;
    return self();
  }

  /**
   * Sets {@code reduction}, {@code name} and {@code dtype} from a configuration, as
   * {@link #reduction(String)}, {@link #name(String)} and {@link #dtype(String)} would; an
   * argument the configuration does not hold keeps its current value. For a provider's
   * {@code create(LossConfig)}:
   *
   * <pre>{@code
   * return Hinge.builder().margin(config.getDouble("margin")).commonArguments(config).build();
   * }</pre>
   *
   * @param config a loss configuration; never null
   * @throws IllegalArgumentException if one of the three is present but neither a string nor
   *     null
   */
  public B commonArguments(LossConfig config) {
    checkNotNull(config, "config");
    if (config.has("reduction")) {
      this.reduction = config.getString("reduction");
    }
    if (config.has("name")) {
      this.name = config.getString("name");
    }
    if (config.has("dtype")) {
      this.dtype = config.getString("dtype");
    }
    return self();
  }

  /**
   * Returns the loss.
   *
   * @throws IllegalArgumentException naming the loss, if an argument is refused
   */
  public abstract L build();

  /** Returns the reduction as set: a Keras string, or null for Keras's {@code None}. */
  final String reductionArgument() {
    return reduction;
  }

  /** Returns the name as set, possibly null or empty. */
  final String nameArgument() {
    return name;
  }

  /** Returns the dtype as set: a Keras string, or null for float32. */
  final String dtypeArgument() {
    return dtype;
  }

  /** Returns this builder as its concrete class, for setters of intermediate builders. */
  @SuppressWarnings("unchecked") // B is this builder's own class, as the type parameter demands
  protected final B self() {
    return (B) this;
  }
}
