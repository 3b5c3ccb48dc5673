package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Factories, access, conversion and equality of {@link Tensor}. */
class TensorTest {

  // ---- factories from every array kind ----------------------------------------------------

  @Test
  void buildsFloat32FromFloatArraysOfRankOneToThree() {
    Tensor one = Tensor.of(new float[] {1, 2});
    Tensor two = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor three = Tensor.of(new float[][][] {{{1}, {2}}, {{3}, {4}}, {{5}, {6}}});

    assertEquals(DType.FLOAT32, two.dtype());
    assertArrayEquals(new int[] {2}, one.shape());
    assertArrayEquals(new int[] {2, 3}, two.shape());
    assertArrayEquals(new int[] {3, 2, 1}, three.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, two.toDoubleArray());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, three.toDoubleArray());
  }

  @Test
  void buildsFloat64FromDoubleArraysOfRankOneToThree() {
    Tensor one = Tensor.of(new double[] {0.1});
    Tensor two = Tensor.of(new double[][] {{0.1, 0.2}});
    Tensor three = Tensor.of(new double[][][] {{{0.1, 0.2}}});

    assertEquals(DType.FLOAT64, one.dtype());
    assertEquals(0.1, one.getDouble(0));
    assertArrayEquals(new int[] {1, 2}, two.shape());
    assertArrayEquals(new int[] {1, 1, 2}, three.shape());
    assertEquals(0.2, three.getDouble(0, 0, 1));
  }

  @Test
  void buildsInt32FromIntArrays() {
    Tensor one = Tensor.of(new int[] {3, -1});
    Tensor two = Tensor.of(new int[][] {{1, 2}, {3, 4}});

    assertEquals(DType.INT32, one.dtype());
    assertArrayEquals(new int[] {3, -1}, one.toIntArray());
    assertArrayEquals(new int[] {2, 2}, two.shape());
    assertArrayEquals(new int[] {1, 2, 3, 4}, two.toIntArray());
  }

  @Test
  void buildsFromAFlatArrayAndAShape() {
    Tensor floats = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor doubles = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Tensor ints = Tensor.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 6, 1);

    assertEquals(6.0, floats.getDouble(1, 2));
    assertEquals(4.0, doubles.getDouble(1, 1));
    assertArrayEquals(new int[] {6, 1}, ints.shape());
  }

  @Test
  void fromDoublesRoundsToTheTargetDtype() {
    Tensor floats = Tensor.fromDoubles(new double[] {0.1}, new int[] {1}, DType.FLOAT32);
    Tensor ints = Tensor.fromDoubles(new double[] {2, -3}, new int[] {2}, DType.INT32);

    assertEquals((double) 0.1f, floats.getDouble(0));
    assertArrayEquals(new int[] {2, -3}, ints.toIntArray());
  }

  @Test
  void fromDoublesRefusesFractionalIntegers() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromDoubles(new double[] {1, 2.5}, new int[] {2}, DType.INT32));

    assertEquals("int32 tensor values must be whole numbers, got 2.5 at index 1",
        error.getMessage());
  }

  @Test
  void fromDoublesAcceptsTheWholeIntRange() {
    Tensor ints = Tensor.fromDoubles(
        new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, new int[] {2}, DType.INT32);

    assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, ints.toIntArray());
    assertThrows(IllegalArgumentException.class, () -> Tensor.fromDoubles(
        new double[] {Integer.MAX_VALUE + 1.0}, new int[] {1}, DType.INT32));
  }

  @Test
  void scalarsHaveRankZero() {
    Tensor scalar = Tensor.scalar(2.5);

    assertEquals(0, scalar.rank());
    assertEquals(1, scalar.size());
    assertEquals(2.5, scalar.doubleValue());
    assertEquals(DType.FLOAT32, Tensor.scalar(2.5f).dtype());
  }

  @Test
  void factoriesCopyTheirArgument() {
    double[] values = {1, 2};
    Tensor copy = Tensor.of(values, 2);

    values[0] = 9;

    assertEquals(1.0, copy.getDouble(0));
  }

  @Test
  void wrapSharesTheArgument() {
    double[] values = {1, 2};
    Tensor shared = Tensor.wrap(values, 2);

    values[0] = 9;

    assertEquals(9.0, shared.getDouble(0));
  }

  @Test
  void wrapOfFloatsSharesTheArgumentToo() {
    float[] values = {1, 2, 3, 4};
    Tensor shared = Tensor.wrap(values, 2, 2);

    values[3] = 9;

    assertEquals(9.0, shared.getDouble(1, 1));
    assertEquals(DType.FLOAT32, shared.dtype());
  }

  @Test
  void shapeIsADefensiveCopy() {
    Tensor tensor = Tensor.of(new double[] {1, 2}, 2);

    tensor.shape()[0] = 5;

    assertArrayEquals(new int[] {2}, tensor.shape());
  }

  @Test
  void refusesValuesThatDoNotFillTheShape() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Tensor.of(new double[5], 2, 3));

    assertEquals("5 values cannot fill shape [2, 3] (6 elements)", error.getMessage());
  }

  @Test
  void refusesNegativeDimensions() {
    assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[0], 2, -1));
  }

  // ---- fromNested ------------------------------------------------------------------------

  @Test
  void fromNestedTurnsBooleansIntoOnesAndZeros() {
    Tensor mask = Tensor.fromNested(new boolean[][] {{true, false}, {false, true}}, DType.FLOAT32);

    assertArrayEquals(new int[] {2, 2}, mask.shape());
    assertArrayEquals(new double[] {1, 0, 0, 1}, mask.toDoubleArray());
  }

  @Test
  void fromNestedReadsListsOfNumbersAndBooleans() {
    Tensor numbers = Tensor.fromNested(List.of(List.of(1, 2.5), List.of(3L, 4f)), DType.FLOAT64);
    Tensor booleans = Tensor.fromNested(List.of(true, false, true), DType.INT32);

    assertArrayEquals(new double[] {1, 2.5, 3, 4}, numbers.toDoubleArray());
    assertArrayEquals(new int[] {1, 0, 1}, booleans.toIntArray());
  }

  @Test
  void fromNestedReadsAnyPrimitiveArray() {
    Tensor longs = Tensor.fromNested(new long[][] {{1, 2}, {3, 4}}, DType.INT32);
    Tensor shorts = Tensor.fromNested(new short[] {5, 6}, DType.FLOAT64);

    assertArrayEquals(new int[] {1, 2, 3, 4}, longs.toIntArray());
    assertArrayEquals(new double[] {5, 6}, shorts.toDoubleArray());
  }

  @Test
  void fromNestedReadsALoneNumberAsAScalar() {
    Tensor scalar = Tensor.fromNested(0.5, DType.FLOAT64);

    assertEquals(0, scalar.rank());
    assertEquals(0.5, scalar.doubleValue());
  }

  @Test
  void fromNestedRefusesRaggedLists() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromNested(List.of(List.of(1, 2), List.of(3)), DType.FLOAT64));

    assertEquals("ragged nested values: expected 2 elements at depth 1", error.getMessage());
  }

  @Test
  void fromNestedRefusesRaggedArrays() {
    double[][] ragged = {{1, 2}, {3}};

    assertThrows(IllegalArgumentException.class, () -> Tensor.of(ragged));
  }

  @Test
  void fromNestedRefusesMixedDepths() {
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromNested(List.of(1, List.of(2)), DType.FLOAT64));
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromNested(List.of(List.of(1), 2), DType.FLOAT64));
  }

  @Test
  void fromNestedRefusesNonNumbers() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromNested(List.of(1, "two"), DType.FLOAT64));

    assertEquals("tensor values must be numbers or booleans, got two", error.getMessage());
  }

  @Test
  void fromNestedRefusesFractionsForInt32() {
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromNested(List.of(1, 1.5), DType.INT32));
  }

  @Test
  void emptyArraysKeepTheirRank() {
    Tensor empty = Tensor.of(new float[0][]);
    Tensor emptyList = Tensor.fromNested(List.of(), DType.FLOAT64);

    assertArrayEquals(new int[] {0, 0}, empty.shape());
    assertArrayEquals(new int[] {0}, emptyList.shape());
    assertEquals(0, empty.size());
  }

  // ---- access and conversion -------------------------------------------------------------

  @Test
  void dimAcceptsNegativeAxes() {
    Tensor tensor = Tensor.of(new double[6], 2, 3);

    assertEquals(3, tensor.dim(-1));
    assertEquals(2, tensor.dim(0));
    assertThrows(IllegalArgumentException.class, () -> tensor.dim(2));
  }

  @Test
  void getDoubleChecksEveryIndex() {
    Tensor tensor = Tensor.of(new double[6], 2, 3);

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> tensor.getDouble(1, 3));

    assertEquals("index [1, 3] out of range for shape [2, 3]", error.getMessage());
  }

  @Test
  void doubleValueNeedsOneElement() {
    assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[2]).doubleValue());
  }

  @Test
  void reshapeKeepsTheElementsInRowMajorOrder() {
    Tensor tensor = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    Tensor reshaped = tensor.reshape(3, 2);

    assertEquals(Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}), reshaped);
    assertThrows(IllegalArgumentException.class, () -> tensor.reshape(4, 2));
  }

  @Test
  void asTypeConverts() {
    Tensor doubles = Tensor.of(new double[] {1, 2});

    assertEquals(Tensor.of(new int[] {1, 2}), doubles.asType(DType.INT32));
    assertEquals(Tensor.of(new float[] {1, 2}), doubles.asType(DType.FLOAT32));
    assertTrue(doubles.asType(DType.FLOAT64) == doubles);
  }

  @Test
  void toFloatArrayRoundsAndToIntArrayRefusesFractions() {
    Tensor tensor = Tensor.of(new double[] {0.1, 2.5});

    assertArrayEquals(new float[] {0.1f, 2.5f}, tensor.toFloatArray());
    assertThrows(IllegalArgumentException.class, tensor::toIntArray);
  }

  @Test
  void copyToFillsALargeEnoughArray() {
    double[] target = new double[3];

    Tensor.of(new float[] {1, 2}).copyTo(target);

    assertArrayEquals(new double[] {1, 2, 0}, target);
    assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1, 2})
        .copyTo(new double[1]));
  }

  @Test
  void toNestedListMirrorsTheShape() {
    Tensor tensor = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    assertEquals(List.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0)),
        tensor.toNestedList());
    assertEquals(2.5, Tensor.scalar(2.5).toNestedList());
    assertEquals(List.of(), Tensor.of(new double[0]).toNestedList());
  }

  @Test
  void toNestedListRoundTripsThroughFromNested() {
    Tensor tensor = Tensor.of(new double[][][] {{{1, 2}}, {{3, 4}}});

    assertEquals(tensor, Tensor.fromNested(tensor.toNestedList(), DType.FLOAT64));
  }

  // ---- equality --------------------------------------------------------------------------

  @Test
  void equalityIsExactAndIncludesDtypeAndShape() {
    Tensor doubles = Tensor.of(new double[] {1, 2});

    assertEquals(Tensor.of(new double[] {1, 2}), doubles);
    assertEquals(Tensor.of(new double[] {1, 2}).hashCode(), doubles.hashCode());
    assertNotEquals(Tensor.of(new float[] {1, 2}), doubles);
    assertNotEquals(doubles.reshape(2, 1), doubles);
    assertNotEquals(Tensor.of(new double[] {1, 2 + 1e-15}), doubles);
  }

  @Test
  void allCloseAppliesAbsoluteAndRelativeTolerance() {
    Tensor expected = Tensor.of(new double[] {100, 0});
    // |100.05 - 100| = 0.05 <= 0 + 1e-3 * 100 = 0.1; |1e-9 - 0| <= 1e-8
    Tensor close = Tensor.of(new double[] {100.05, 1e-9});
    // |100.2 - 100| = 0.2 > 0.1
    Tensor far = Tensor.of(new double[] {100.2, 0});

    assertTrue(close.allClose(expected, 1e-3, 1e-8));
    assertFalse(far.allClose(expected, 1e-3, 1e-8));
  }

  @Test
  void allCloseMatchesNanAndInfinitiesOnlyWithThemselves() {
    Tensor special = Tensor.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY});

    assertTrue(special.allClose(special, 0, 0));
    assertFalse(special.allClose(Tensor.of(new double[] {0, Double.POSITIVE_INFINITY}), 1, 1));
    assertFalse(special.allClose(
        Tensor.of(new double[] {Double.NaN, Double.NEGATIVE_INFINITY}), 1, 1));
    // a finite value is not close to an expected infinity, however large rtol is
    assertFalse(Tensor.of(new double[] {1e300}).allClose(
        Tensor.of(new double[] {Double.POSITIVE_INFINITY}), 1, 1));
  }

  @Test
  void allCloseComparesAcrossDtypesButNotShapes() {
    Tensor floats = Tensor.of(new float[] {0.1f});

    assertTrue(floats.allClose(Tensor.of(new double[] {0.1}), 1e-6, 0));
    assertFalse(floats.allClose(Tensor.of(new double[] {0.1}, 1, 1), 1, 1));
  }

  @Test
  void toStringShowsDtypeShapeAndLeadingValues() {
    assertEquals("Tensor(int32, [2], [3, 4])", Tensor.of(new int[] {3, 4}).toString());
    assertEquals("Tensor(float64, [9], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, …])",
        Tensor.of(new double[9]).toString());
  }
}
