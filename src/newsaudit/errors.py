"""Every error newsaudit raises on purpose, with a code and a message that says what to do.

    NewsauditError
    ├── InputError          the input cannot be audited (CLI exit 2, batch error record)
    │   ├── FetchError      a URL could not be fetched, or was refused
    │   └── (codes below)
    └── InternalError       a bug in newsaudit (CLI exit 1)

A message is one line. The CLI prints ``error[CODE]: message`` on stderr.
"""

from __future__ import annotations


class NewsauditError(Exception):
    code: str = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def one_line(self) -> str:
        return f"error[{self.code}]: {' '.join(self.message.split())}"


class InputError(NewsauditError):
    """The input is not something newsaudit can audit."""

    code = "E100"


class FetchError(InputError):
    """A URL could not be fetched or was refused before fetching."""

    code = "E200"


class InternalError(NewsauditError):
    code = "E900"


# Codes, so that tests, batch records and users can tell failures apart.
EMPTY = "E101"
BINARY = "E102"
TOO_LARGE = "E103"
NOT_FOUND = "E104"
NO_TEXT = "E105"
UNREADABLE = "E106"
NOT_ENGLISH = "E107"
SCHEME_REFUSED = "E201"
PRIVATE_ADDRESS = "E202"
UNREACHABLE = "E203"
HTTP_STATUS = "E204"
TOO_MANY_REDIRECTS = "E205"
NOT_HTML = "E206"
BAD_URL = "E207"
