/**
 * The demo: models trained with loss4j's own gradients on the bundled public datasets, a table of
 * every installed loss on their predictions, and a chart of the training curves.
 */
package org.loss4j.cli.demo;
