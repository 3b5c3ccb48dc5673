package org.loss4j.focal.archfixture.target;

/**
 * Architecture fixture: a class of loss-focal that loss-core's fixture reaches for. It lives in a
 * package of its own so that the fixtures form no package cycle besides the deliberate one.
 */
public final class FocalTarget {
  /** Returns a constant. */
  public static int value() {
    return 3;
  }
}
