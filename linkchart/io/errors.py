"""The one error type a user sees when a file cannot be read or written."""


class CaseFileError(Exception):
    """A file could not be opened, read or saved; the message says why in plain words."""


class NewerFormatError(CaseFileError):
    """The file was written by a newer LinkChart than this one."""
