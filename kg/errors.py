"""One exception tree for everything ``kg`` raises on purpose.

Every message says what is wrong, names the file/line/value, and what to do about it.
The CLI maps :class:`KGInputError` to exit code 2 and :class:`KGCheckFailed` to exit code 1.

>>> err = KGInputError("bad row", path="films.csv", line=3)
>>> str(err)
'films.csv:3: bad row'
"""

from __future__ import annotations

__all__ = [
    "ExtractionError",
    "KGCheckFailed",
    "KGError",
    "KGInputError",
    "MappingError",
    "ParseError",
    "QueryError",
    "RemoteError",
    "StoreBusyError",
    "StoreError",
    "UnknownFormatError",
    "UnknownNameError",
]


class KGError(Exception):
    """Base class of every error raised by ``kg`` on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path) + (f":{self.line}" if self.line is not None else "") + ": "
        return where + self.message


class KGInputError(KGError):
    """Bad input from the user: a file, an argument, a value (exit code 2)."""


class UnknownFormatError(KGInputError):
    """A file extension or format name we do not know."""


class ParseError(KGInputError):
    r"""A file that cannot be parsed (malformed RDF, CSV, JSON...).

    The message stays on one line even when a parser quotes a multi-line token:

    >>> print(ParseError("'a\nb' is not a valid subject", path="f.ttl", line=1))
    f.ttl:1: 'a\nb' is not a valid subject
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        flat = message.replace("\r\n", "\n").replace("\r", "\\r").replace("\n", "\\n")
        super().__init__(flat, path=path, line=line)


class MappingError(KGInputError):
    """A table mapping that does not fit its table (missing column, bad field)."""


class QueryError(KGInputError):
    """An invalid SPARQL query, or one that fails when run."""


class UnknownNameError(KGInputError):
    """A name (named query, projection, person...) that is not known."""


class ExtractionError(KGInputError):
    """An extractor failed on one article (a bug to report; the article is named)."""


class StoreError(KGError):
    """The store cannot be opened or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock."""


class RemoteError(KGError):
    """A remote SPARQL server failed or refused a request."""


class KGCheckFailed(KGError):
    """A check ran and failed (validation, consistency): exit code 1."""

    exit_code = 1
