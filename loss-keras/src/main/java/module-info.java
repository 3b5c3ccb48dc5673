/**
 * Keras interop for loss4j: reads the loss a Keras model was compiled with (from a {@code .keras}
 * file or the JSON Keras writes) and writes any loss4j loss in the form Keras reads back.
 */
module org.loss4j.keras {
  requires transitive org.loss4j.api;
  requires com.fasterxml.jackson.databind;

  exports org.loss4j.keras;
}
