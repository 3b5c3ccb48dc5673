/** Toy losses for the kit's self-tests: one correct, and copies of it with deliberate faults. */
package org.loss4j.testkit.toy;
