"""Articles -> :class:`~kg.model.Document` objects, and the registry's ``articles`` loader.

Readers: ``.txt`` (plain text; a first line such as ``date 2022-12-28 Headline`` gives the
published date and title), ``.html``/``.htm`` (boilerplate, scripts and navigation removed by
trafilatura, offline; title/date/url from its metadata), ``.jsonl``/``.json`` (one JSON object a
line with ``text`` and optional ``title``, ``url``, ``published``, ``id``) and directories of such
files.  Bad input raises :class:`~kg.errors.ParseError` naming the file (and line or byte offset):
empty or binary files, invalid UTF-8, a JSON line without ``text``, a text over the size limit
(default 20 MB; raise it with ``KG_MAX_ARTICLE_BYTES`` or ``max_bytes=``).

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "heat.txt"
>>> _ = p.write_text("date 1995-12-15 Heat review\\n\\nHeat was directed by Michael Mann.\\n")
>>> [(d.title, d.published) for d in read_articles(p)]
[('Heat review', '1995-12-15')]
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import KGInputError, ParseError, UnknownFormatError
from ..model import Document, Failure
from . import LoadOptions, files_under

__all__ = [
    "ARTICLE_EXTENSIONS",
    "DEFAULT_MAX_ARTICLE_BYTES",
    "max_article_bytes",
    "parse_html",
    "read_article_records",
    "read_articles",
    "read_html",
    "read_jsonl",
    "read_text",
]

ARTICLE_EXTENSIONS = ("txt", "html", "htm", "jsonl", "json")
DEFAULT_MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Largest article (file, or one JSON line's text) read by default: 20 MB."""

_HEADER = re.compile(
    r"\A\s*(?:date|published|pubdate)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?P<title>[^\n]*)",
    re.IGNORECASE,
)
_MIN_HTML_WORDS = 8
_TOO_DEEP = (
    "invalid JSON: nested too deeply to be an article (arrays or objects inside each other "
    "thousands of levels deep); an article is one flat object with a 'text' field"
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def max_article_bytes(override: int | None = None) -> int:
    """The size limit: ``override``, else ``$KG_MAX_ARTICLE_BYTES``, else 20 MB.

    >>> max_article_bytes(1000)
    1000
    """
    if override is not None:
        return override
    env = os.environ.get("KG_MAX_ARTICLE_BYTES")
    if env:
        try:
            return int(env)
        except ValueError as err:
            raise KGInputError(
                f"KG_MAX_ARTICLE_BYTES must be a number of bytes, not {env!r}"
            ) from err
    return DEFAULT_MAX_ARTICLE_BYTES


def _too_big(path: Path, size: int, limit: int, what: str = "file") -> ParseError:
    return ParseError(
        f"{what} is {size:,} bytes, over the article size limit of {limit:,} bytes; "
        "raise it with KG_MAX_ARTICLE_BYTES=<bytes> (or max_bytes=...) or split the file",
        path=str(path),
    )


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise ParseError("empty file: nothing to read", path=str(path))
    if b"\x00" in data[:8192]:
        raise ParseError("binary file (NUL bytes): expected UTF-8 text", path=str(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ParseError(
            f"invalid UTF-8 at byte offset {err.start} (byte 0x{data[err.start]:02x}); "
            "save the file as UTF-8",
            path=str(path),
            line=line,
        ) from err
    return text.removeprefix("\ufeff")


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise KGInputError(f"cannot read file: {err.strerror}", path=str(path)) from err
    if size > limit:
        raise _too_big(path, size, limit)
    return path.read_bytes()


def _doc_id(path: Path, suffix: str = "") -> str:
    return str(path.resolve()) + suffix


def read_text(path: Path, *, max_bytes: int | None = None) -> Document:
    """A plain-text article; a first line ``date YYYY-MM-DD Headline`` gives published and title."""
    text = _decode(path, _read_bytes(path, max_article_bytes(max_bytes)))
    if not text.strip():
        raise ParseError("empty file: only whitespace", path=str(path))
    title: str | None = None
    published: str | None = None
    m = _HEADER.match(text)
    if m:
        published = m.group("date")
        title = m.group("title").strip() or None
    else:
        first = text.strip().split("\n", 1)[0].strip()
        if 0 < len(first) <= 150 and first[-1] not in ".!?,;" and "\n" in text.strip():
            title = first
    return Document(_doc_id(path), text, title=title, published=published, source_path=str(path))


def parse_html(html: str, *, source: str = "<html>") -> tuple[str, dict[str, str]]:
    """Main text of an HTML page (boilerplate removed) and its metadata (title, date, url)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    body = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    distinct = {w.casefold() for w in re.findall(r"[^\W\d_]+", body or "")}
    if not body or len(distinct) < _MIN_HTML_WORDS:  # nav-only pages repeat a few words
        raise ParseError(
            f"no article text found in the HTML page (under {_MIN_HTML_WORDS} different words after "
            "removing navigation, scripts and other boilerplate)",
            path=source,
        )
    meta: dict[str, str] = {}
    try:
        found = extract_metadata(html)
    except Exception:  # metadata is optional; a page without it is still an article
        found = None
    if found is not None:
        for key in ("title", "date", "url", "author", "sitename"):
            value = getattr(found, key, None)
            if value:
                meta[key] = str(value)
    return body, meta


def read_html(path: Path, *, max_bytes: int | None = None) -> Document:
    """An HTML article with scripts, navigation and other boilerplate removed (offline)."""
    html = _decode(path, _read_bytes(path, max_article_bytes(max_bytes)))
    body, meta = parse_html(html, source=str(path))
    published = meta.get("date")
    if published and not _ISO_DATE.match(published):
        published = None
    return Document(
        _doc_id(path),
        body,
        title=meta.get("title"),
        url=meta.get("url"),
        published=published[:10] if published else None,
        source_path=str(path),
        metadata={k: v for k, v in meta.items() if k in ("author", "sitename")},
    )


def _json_doc(path: Path, lineno: int, obj: Any, limit: int) -> Document:
    if not isinstance(obj, dict):
        raise ParseError("expected a JSON object with a 'text' field", path=str(path), line=lineno)
    text = obj.get("text")
    if not isinstance(text, str):
        raise ParseError(
            "JSON object has no 'text' string (articles need 'text'; 'title', 'url', "
            "'published', 'id' are optional)",
            path=str(path),
            line=lineno,
        )
    size = len(text.encode("utf-8"))
    if size > limit:
        err = _too_big(path, size, limit, what="article text")
        err.line = lineno
        raise ParseError(err.message, path=str(path), line=lineno)
    ident = obj.get("id")
    doc_id = str(ident) if ident not in (None, "") else _doc_id(path, f"#{lineno}")

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    published = opt("published")
    return Document(
        doc_id,
        text,
        title=opt("title"),
        url=opt("url"),
        published=published[:10] if published and _ISO_DATE.match(published) else published,
        source_path=str(path),
    )


def read_jsonl(path: Path, *, max_bytes: int | None = None) -> Iterator[Document]:
    """Articles from JSON lines (or one JSON object / array in a ``.json`` file), streamed."""
    limit = max_article_bytes(max_bytes)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise KGInputError(f"cannot read file: {err.strerror}", path=str(path)) from err
    if size == 0:
        raise ParseError("empty file: nothing to read", path=str(path))
    with path.open("rb") as fh:
        head = fh.read(8192)
    if b"\x00" in head:
        raise ParseError("binary file (NUL bytes): expected UTF-8 JSON lines", path=str(path))
    if path.suffix.lower() == ".json" and size <= limit:
        text = _decode(path, path.read_bytes())
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            obj = None  # maybe JSON lines in a .json file
        except RecursionError as err:
            raise ParseError(_TOO_DEEP, path=str(path)) from err
        if obj is not None:
            items = obj if isinstance(obj, list) else [obj]
            for i, item in enumerate(items, 1):
                yield _json_doc(path, i, item, limit)
            return
    offset = 0
    found = False
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            start = offset
            offset += len(raw)
            if len(raw) > limit + 1024:
                raise _too_big(path, len(raw), limit, what=f"line {lineno}")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise ParseError(
                    f"invalid UTF-8 at byte offset {start + err.start}; save the file as UTF-8",
                    path=str(path),
                    line=lineno,
                ) from err
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ParseError(f"invalid JSON: {err.msg}", path=str(path), line=lineno) from err
            except RecursionError as err:
                raise ParseError(_TOO_DEEP, path=str(path), line=lineno) from err
            found = True
            yield _json_doc(path, lineno, obj, limit)
    if not found:
        raise ParseError("empty file: no JSON lines", path=str(path))


def read_articles(path: str | Path, *, max_bytes: int | None = None) -> Iterator[Document]:
    """Every article in a file or (recursively, sorted, hidden files skipped) a directory."""
    p = Path(path)
    if p.is_dir():
        files = files_under(p, ARTICLE_EXTENSIONS)
        if not files:
            raise KGInputError(
                f"no article files in directory (expected {', '.join(ARTICLE_EXTENSIONS)})",
                path=str(p),
            )
        for f in files:
            yield from read_articles(f, max_bytes=max_bytes)
        return
    if not p.exists():
        raise KGInputError("no such file; check the path", path=str(p))
    suffix = p.suffix.lower().lstrip(".")
    if suffix == "txt":
        yield read_text(p, max_bytes=max_bytes)
    elif suffix in ("html", "htm"):
        yield read_html(p, max_bytes=max_bytes)
    elif suffix in ("jsonl", "json"):
        yield from read_jsonl(p, max_bytes=max_bytes)
    else:
        raise UnknownFormatError(
            f"not an article file: expected .{', .'.join(ARTICLE_EXTENSIONS)}", path=str(p)
        )


def read_article_records(path: Path, options: LoadOptions) -> Iterator[Document | Failure]:
    """The registry's ``articles`` loader: every article of ``path``, each with its ``source``.

    Every article of the file is read and checked before the first one is handed over, so a bad
    line leaves nothing of the file in the store. A ``.txt`` or HTML file is one source (its
    path); each article of a JSON-lines file is one source (its url, else ``path#id``).
    """
    if options.keep_going:
        yield from _records_going_on(path, options)
        return
    docs = list(read_articles(path, max_bytes=options.max_article_bytes))
    single = len(docs) == 1 and path.suffix.lower() in (".txt", ".html", ".htm")
    for i, doc in enumerate(docs, 1):
        if single:
            doc.source = str(path.resolve())
        else:
            doc.source = doc.url or f"{path.resolve()}#{doc.id if doc.id else i}"
        yield doc


def _records_going_on(path: Path, options: LoadOptions) -> Iterator[Document | Failure]:
    """Like :func:`read_article_records`, but a bad article (or JSON line) becomes a
    :class:`~kg.model.Failure` and the others are still read."""
    try:
        if path.suffix.lower() not in (".jsonl", ".json"):
            yield from read_article_records(path, replace(options, keep_going=False))
            return
        docs: list[Document] = []
        for lineno, outcome in _jsonl_lines(path, options.max_article_bytes):
            if isinstance(outcome, KGInputError):
                yield Failure(str(path), outcome.message, outcome.line or lineno)
            else:
                docs.append(outcome)
        for i, doc in enumerate(docs, 1):
            doc.source = doc.url or f"{path.resolve()}#{doc.id if doc.id else i}"
            yield doc
    except KGInputError as err:
        yield Failure(str(err.path or path), err.message, err.line)


def _jsonl_lines(
    path: Path, max_bytes: int | None
) -> Iterator[tuple[int, Document | KGInputError]]:
    """Each line of a JSON-lines file as an article, or the error that line gives."""
    limit = max_article_bytes(max_bytes)
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                if len(raw) > limit + 1024:
                    raise _too_big(path, len(raw), limit, what=f"line {lineno}")
                line = raw.decode("utf-8")
                obj = json.loads(line)
                yield lineno, _json_doc(path, lineno, obj, limit)
            except KGInputError as err:
                yield lineno, err
            except UnicodeDecodeError:
                yield (
                    lineno,
                    ParseError(
                        "invalid UTF-8; save the file as UTF-8", path=str(path), line=lineno
                    ),
                )
            except json.JSONDecodeError as err:
                yield lineno, ParseError(f"invalid JSON: {err.msg}", path=str(path), line=lineno)
            except RecursionError:
                yield lineno, ParseError(_TOO_DEEP, path=str(path), line=lineno)
