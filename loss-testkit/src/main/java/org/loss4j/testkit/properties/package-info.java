/**
 * The properties every loss must keep, one class each; each class's Javadoc says what it checks
 * and what to look at when it fails. {@link org.loss4j.testkit.properties.StandardProperties}
 * lists them in the order the kit runs them.
 */
package org.loss4j.testkit.properties;
