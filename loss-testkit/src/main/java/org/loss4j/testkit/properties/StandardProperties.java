package org.loss4j.testkit.properties;

import java.util.List;

/** Lists the properties the kit checks, in the order it runs them. */
public final class StandardProperties {
  private StandardProperties() {}

  /** Returns every property, required ones first. */
  public static List<LossProperty> all() {
    return List.of(
        new SampleInputsFit(),
        new NamesResolve(),
        new ConfigRoundTrip(),
        new SumEqualsMeanTimesCount(),
        new NoneKeepsPerSampleShape(),
        new BatchPermutation(),
        new InputsUnmodified(),
        new ConcurrentCallsAgree(),
        new BadShapesRefused(),
        new ServiceDiscovery(),
        new UnitWeightsChangeNothing(),
        new ZeroWeightsGiveZero(),
        new WeightsScaleLinearly(),
        new MaskedSamplesDropOut(),
        new Float32AgreesWithFloat64(),
        new GradientMatchesFiniteDifferences(false),
        new GradientMatchesFiniteDifferences(true));
  }
}
