/** BinaryFocalCrossentropy and CategoricalFocalCrossentropy, found by name through the SPI. */
module org.loss4j.focal {
  requires transitive org.loss4j.core;
  requires com.google.common;
  requires static jdk.incubator.vector;

  exports org.loss4j.focal;

  provides org.loss4j.api.spi.LossProvider with
      org.loss4j.focal.BinaryFocalCrossentropyProvider,
      org.loss4j.focal.CategoricalFocalCrossentropyProvider;
}
