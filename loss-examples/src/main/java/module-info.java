/** A third-party loss added through the SPI: PolyLoss's Poly-1 cross-entropy. */
module org.loss4j.examples {
  requires org.loss4j.api;

  exports org.loss4j.examples;

  provides org.loss4j.api.spi.LossProvider with org.loss4j.examples.Poly1Provider;
}
