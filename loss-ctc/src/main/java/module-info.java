/** The CTC loss, its gradient and CTC decoding, with Keras 3's conventions by default. */
module org.loss4j.ctc {
  requires transitive org.loss4j.core;
  requires com.google.common;

  exports org.loss4j.ctc;

  provides org.loss4j.api.spi.LossProvider with
      org.loss4j.ctc.CTCProvider;
}
