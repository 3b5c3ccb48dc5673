/** The kit's machinery: input generation, capability probes, check execution. Not exported. */
package org.loss4j.testkit.internal;
