"""Reading and writing files: the .lcase case file and (later) interchange formats. No Qt."""

from linkchart.io.errors import CaseFileError, NewerFormatError
from linkchart.io.lcase import SUFFIX, load_case, save_case

__all__ = ["SUFFIX", "CaseFileError", "NewerFormatError", "load_case", "save_case"]
