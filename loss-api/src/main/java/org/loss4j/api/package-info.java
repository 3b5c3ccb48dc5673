/**
 * The loss4j contract: {@link org.loss4j.api.Tensor}, {@link org.loss4j.api.Loss} and its base
 * class {@link org.loss4j.api.AbstractLoss}, {@link org.loss4j.api.Reduction} and the
 * {@link org.loss4j.api.ReductionSums} that let a batch be reduced in chunks,
 * {@link org.loss4j.api.LossConfig} and the {@link org.loss4j.api.registry.LossRegistry}.
 */
package org.loss4j.api;
