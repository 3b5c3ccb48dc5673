/** BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy, Poisson, KLD. */
module org.loss4j.core {
  requires transitive org.loss4j.api;

  exports org.loss4j.core.kernel;
}
