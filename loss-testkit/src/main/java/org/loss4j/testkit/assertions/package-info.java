/** Tensor assertions with tolerances and failure messages that show where values differ. */
package org.loss4j.testkit.assertions;
