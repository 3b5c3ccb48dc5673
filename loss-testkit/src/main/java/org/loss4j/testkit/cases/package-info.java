/** Conformance cases as data: the JSON case format and the case files the testkit ships. */
package org.loss4j.testkit.cases;
