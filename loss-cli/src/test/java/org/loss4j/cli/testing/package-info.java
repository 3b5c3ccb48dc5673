/** A loss registered only for the command-line tests, so they need no loss module. */
package org.loss4j.cli.testing;
