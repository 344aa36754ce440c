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

import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import KGInputError, ParseError, UnknownFormatError
from ..extract import DEFAULT_EXTRACTOR, get_extractor
from ..extract.titles import Gazetteer
from ..iri import source_graph_iri
from ..model import Document, EntityRef, EntityType
from ..resolve import KnownEntities, resolve_facts
from ..triples import facts_to_triples
from . import LoadOptions, Source, files_under

__all__ = [
    "ARTICLE_EXTENSIONS",
    "DEFAULT_MAX_ARTICLE_BYTES",
    "article_sources",
    "max_article_bytes",
    "parse_html",
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


def _checksum(doc: Document, extractor: str) -> str:
    digest = hashlib.sha256(extractor.encode("utf-8"))
    for part in (doc.text, doc.title or "", doc.url or "", doc.published or ""):
        digest.update(b"\x1f" + part.encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def article_sources(path: Path, options: LoadOptions) -> Iterator[Source]:
    """The registry's ``articles`` loader: one named graph per article, with its metadata.

    Every article of the file is read and checked before the first one is handed over, so a bad
    line leaves nothing of the file in the store.
    """
    extractor_name = str(options.extra.get("extractor", DEFAULT_EXTRACTOR))
    extractor = get_extractor(extractor_name)
    limit = options.extra.get("max_article_bytes")
    docs = list(read_articles(path, max_bytes=int(limit) if limit is not None else None))
    single = len(docs) == 1 and path.suffix.lower() in (".txt", ".html", ".htm")
    names = _StoreNames(options)
    for i, doc in enumerate(docs, 1):
        if single:
            graph = str(source_graph_iri(path))
            where = str(path.resolve())
        else:
            key = doc.url or f"{path.resolve()}#{doc.id if doc.id else i}"
            graph = str(source_graph_iri(key))
            where = key

        def triples(doc: Document = doc, graph: str = graph) -> Iterator[Any]:
            doc.id = graph
            known, gazetteer = names.get()
            facts = extractor(doc, gazetteer)
            facts, resolver = resolve_facts(facts, known, graph=graph)
            if known is not None:
                known.learn(facts, resolver, graph)
            yield from facts_to_triples(facts, resolver, graph=graph)

        yield Source(
            graph=graph,
            path=where,
            checksum=_checksum(doc, extractor_name),
            loader="articles",
            triples=triples,
            title=doc.title,
            url=doc.url,
            published=doc.published if doc.published and _ISO_DATE.match(doc.published) else None,
            extractor=extractor_name,
        )


class _StoreNames:
    """The store's known names (for cross-document resolution) and film titles (a gazetteer for
    title recognition), read once, on the first article that needs extracting."""

    def __init__(self, options: LoadOptions) -> None:
        self.options = options
        self.done = False
        self.known: Any = None
        self.gazetteer: Any = None

    def get(self) -> tuple[Any, Any]:
        if not self.done:
            self.done = True
            self.known, self.gazetteer = _store_names(self.options)
        return self.known, self.gazetteer


def _store_names(options: LoadOptions) -> tuple[Any, Any]:
    store = options.store
    if store is None:
        return None, None
    try:
        known = KnownEntities.from_store(store)
    except Exception:  # a foreign store: extraction and resolution work without it
        return None, None
    refs = [
        EntityRef(EntityType.FILM, e.label, year=e.year, aliases=tuple(sorted(e.aliases)))
        for e in known.by_iri.values()
        if e.kind == "film"
    ]
    return known, (Gazetteer.from_refs(refs) if refs else None)
