"""Errors a user can act on: each message names the file and the problem."""


class DatelineError(Exception):
    """Base class: the CLI prints the message on one line, never a traceback."""


class InputError(DatelineError):
    """An article or input file that cannot be read (empty, binary, bad date...)."""


class DataError(DatelineError):
    """A data file (language rules, a user's actor file) that is malformed."""
