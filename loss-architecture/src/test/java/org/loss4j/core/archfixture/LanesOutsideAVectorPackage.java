package org.loss4j.core.archfixture;

import jdk.incubator.vector.FloatVector;

/** Architecture fixture: a non-vector package that uses the incubator module (not allowed). */
public final class LanesOutsideAVectorPackage {
  /** Returns the lanes of the preferred float shape. */
  public static int lanes() {
    return FloatVector.SPECIES_PREFERRED.length();
  }
}
