/**
 * The service provider interface through which a loss, ours or a third party's, becomes
 * available by name: {@link org.loss4j.api.spi.LossProvider} and the parameter descriptions.
 */
package org.loss4j.api.spi;
