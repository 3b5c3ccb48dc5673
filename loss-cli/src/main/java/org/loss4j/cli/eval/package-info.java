/**
 * Evaluates losses for the command line: in memory, streamed in chunks over {@code .npy} files
 * larger than memory, and in batch over a JSON file of cases.
 */
package org.loss4j.cli.eval;
