/**
 * Reads and writes the arrays the command line works on: {@code .npy} (NumPy's format, with
 * memory-mapped chunked access for files larger than memory), CSV (one sample a row) and JSON
 * (nested arrays), and writes every output file atomically.
 */
package org.loss4j.cli.io;
