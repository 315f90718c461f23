"""Set P: an independent evaluation data generator for MSP billing reconciliation.

from independent_p import VENDOR_FORMATS, PSA_FORMATS, generate_case
truth_path = generate_case(Path("out"), seed=1, vendor_format=VENDOR_FORMATS[0],
                           psa_format=PSA_FORMATS[0], clients=200, perturb=True)
"""

from .generate import PSA_FORMATS, VENDOR_FORMATS, generate_case
from .perturb import CLIENT_CLASSES, DESC_CLASSES

__all__ = ["CLIENT_CLASSES", "DESC_CLASSES", "PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]
