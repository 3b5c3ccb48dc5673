/** Helpers of loss-api; not exported, not for use outside this module. */
package org.loss4j.api.internal;
