package org.loss4j.core.archfixture.vector;

import jdk.incubator.vector.FloatVector;

/** Architecture fixture: a vector package that uses the incubator module (allowed). */
public final class LanesInAVectorPackage {
  /** Returns the lanes of the preferred float shape. */
  public static int lanes() {
    return FloatVector.SPECIES_PREFERRED.length();
  }
}
