"""Writes the .npy test files of loss-cli with NumPy (run: python3 generate_npy.py OUT_DIR)."""
import sys

import numpy as np
from numpy.lib import format as npy_format

out = sys.argv[1] if len(sys.argv) > 1 else "."


def save(name, array, version=None):
    with open(f"{out}/{name}", "wb") as f:
        if version is None:
            np.save(f, array)
        else:
            npy_format.write_array(f, array, version=version)


labels = [[0, 1], [1, 0]]
probabilities = [[0.25, 0.75], [0.5, 0.5]]
save("y_true_i8_le.npy", np.array(labels, dtype="<i8"))
save("y_true_i4_be_v2.npy", np.array(labels, dtype=">i4"), version=(2, 0))
save("y_true_f8_le_v3.npy", np.array(labels, dtype="<f8"), version=(3, 0))
save("y_pred_f4_le.npy", np.array(probabilities, dtype="<f4"))
save("y_pred_f8_be_fortran.npy", np.asfortranarray(np.array(probabilities, dtype=">f8")))
save("weights_f4_be.npy", np.array([1.0, 2.0], dtype=">f4"))
save("range_2x3x2_f8_fortran.npy",
     np.asfortranarray(np.arange(12, dtype="<f8").reshape(2, 3, 2)))
save("scalar_f8.npy", np.array(2.5, dtype="<f8"))
