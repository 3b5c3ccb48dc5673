/** The loss4j contract: tensors, losses, reductions, configuration, SPI and registry. */
module org.loss4j.api {
  requires com.google.common;
  requires org.slf4j;

  exports org.loss4j.api;
  exports org.loss4j.api.registry;
  exports org.loss4j.api.spi;

  uses org.loss4j.api.spi.LossProvider;
}
