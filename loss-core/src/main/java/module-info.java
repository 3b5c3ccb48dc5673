/** BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy, Poisson, KLD. */
module org.loss4j.core {
  requires transitive org.loss4j.api;
  requires org.slf4j;
  requires static jdk.incubator.vector;

  exports org.loss4j.core;
  exports org.loss4j.core.kernel;
  exports org.loss4j.core.kernel.vector;

  provides org.loss4j.api.spi.LossProvider with
      org.loss4j.core.BinaryCrossentropyProvider,
      org.loss4j.core.CategoricalCrossentropyProvider,
      org.loss4j.core.SparseCategoricalCrossentropyProvider,
      org.loss4j.core.PoissonProvider,
      org.loss4j.core.KLDivergenceProvider;
}
