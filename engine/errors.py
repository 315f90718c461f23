"""The one exception tree of Leakage Finder.

Everything a user can cause raises a subclass of :class:`LeakageFinderError`; its message says what
was found and how to fix it, in one paragraph. The CLI and the ribbon each catch the base class in one
place and show ``str(error)``. Any other exception is a bug and surfaces as one.

    LeakageFinderError
    ├── InputError                 a file or sheet we were given cannot be used
    │   ├── UnreadableFileError    not a file we can read (HTML, encrypted, corrupt, zip bomb, too big)
    │   ├── EmptyInputError        no data rows (empty file, header only, empty sheet)
    │   ├── MissingColumnError     a required column could not be found
    │   ├── WrongSideError         a PSA export given as the vendor file, the same file twice, …
    │   └── CurrencyMismatchError  amounts in two currencies (bill vs PSA export, or within one)
    ├── SettingsError              a mapping file, alias or setting is invalid (all problems listed)
    └── OutputError                an output cannot be written there (read-only, a folder, an input)
"""

from __future__ import annotations


class LeakageFinderError(Exception):
    """Base of every error a user can cause; ``str()`` is the message to show them."""


class InputError(LeakageFinderError):
    """A vendor or PSA input cannot be used as given."""


class UnreadableFileError(InputError):
    """The file is not something we can read (wrong format, encrypted, corrupt, too large)."""


class EmptyInputError(InputError):
    """The input holds no data rows."""


class MissingColumnError(InputError):
    """A required column could not be recognised; the message lists the columns found."""


class WrongSideError(InputError):
    """Inputs are swapped or duplicated (a PSA export given as the vendor bill, one file twice)."""


class CurrencyMismatchError(InputError):
    """The bill and the PSA export (or two bills, or lines of one export) are in different
    currencies: their amounts cannot be compared or added."""


class SettingsError(LeakageFinderError):
    """A mapping, alias or setting is invalid; the message lists every problem at once."""


class OutputError(LeakageFinderError):
    """An output path cannot be written: read-only, a folder, an input, the wrong kind of file."""
