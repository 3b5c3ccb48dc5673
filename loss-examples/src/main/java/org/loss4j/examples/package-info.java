/**
 * A worked third-party loss: PolyLoss's Poly-1 cross-entropy, added to loss4j through the provider
 * SPI alone (this module depends on loss-api only) and checked by the conformance kit.
 */
package org.loss4j.examples;
