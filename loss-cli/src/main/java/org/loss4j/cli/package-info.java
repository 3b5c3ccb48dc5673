/**
 * The {@code loss4j} command-line program: {@code eval}, {@code list}, {@code check},
 * {@code inspect} and {@code demo} (the default), one class per command, started by
 * {@link org.loss4j.cli.Main}.
 */
package org.loss4j.cli;
