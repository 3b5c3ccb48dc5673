/**
 * Helpers of the Keras interop: JSON parsing and writing, the decoding of serialized losses and
 * compile configurations, the key order Keras writes, and the reading of {@code .keras} archives.
 * Not exported; nothing here is API.
 */
package org.loss4j.keras.internal;
