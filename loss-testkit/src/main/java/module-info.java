/**
 * The loss4j conformance kit: documented Keras examples and Keras's unit-test cases as data,
 * properties every loss must keep, and {@link org.loss4j.testkit.LossConformance}, which runs
 * both against any {@link org.loss4j.api.spi.LossProvider} as JUnit 5 tests or as a report.
 */
module org.loss4j.testkit {
  requires transitive org.loss4j.api;
  requires transitive org.junit.jupiter.api;
  requires com.fasterxml.jackson.databind;

  exports org.loss4j.testkit;
  exports org.loss4j.testkit.assertions;
  exports org.loss4j.testkit.cases;
  exports org.loss4j.testkit.model;
  exports org.loss4j.testkit.properties;

  // Lets other modules find the case files by name through a class loader.
  opens org.loss4j.testkit.cases;
}
