"""The extraction rules' compiled patterns, kept on disk between runs.

The rules' patterns are long (hundreds of thousands of characters once their macros are
expanded), and CPython parses and compiles a pattern in Python: about 3 s for all of them, paid
by every process that extracts (most of what a short load costs). What the parse and compile
make is kept here per pattern, keyed by a hash of its text: the rule's literal tests (see
``engine._literal_test``) and CPython's compiled code, from which ``_sre.compile`` makes the
same :class:`re.Pattern` in microseconds. The code is kept as the bytes of its 32-bit words (in
the machine's order): :mod:`marshal` reads one string of bytes where it read about two million
numbers one by one.

The file is ``rules-py<version>-sre<magic>.marshal`` in ``$KG_CACHE_DIR`` (default
``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``); ``KG_CACHE_DIR=off`` (or an empty value) keeps
nothing. Compiled code belongs to one CPython version (``_sre.MAGIC``), so the name holds it. A
missing, unreadable or foreign file is ignored (the patterns are parsed again); what a process
learns is written at its exit, atomically, keeping only the entries of the current rules.

>>> entry = entry_of(("directed by",))  # a pattern's literal tests alone, not compiled yet
>>> entry, compile_entry("«F\\\\d+» (?:was|is) directed by", entry)
((('directed by',), 0, None, 0, {}), None)
>>> parsed = importlib.import_module("re._parser").parse("«F\\\\d+» (?:was|is) directed by")
>>> code = importlib.import_module("re._compiler")._code(parsed, 0)
>>> compile_entry("«F\\\\d+» (?:was|is) directed by", entry_of(("directed by",), parsed, code))
re.compile('«F\\\\d+» (?:was|is) directed by')
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import marshal
import os
import sys
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = ["Entry", "cache_path", "compile_entry", "entry_of", "remember", "remembered"]

Entry = tuple[tuple[str, ...], int, bytes | None, int, dict[str, int]]
"""What is kept of one pattern: its literal tests, then (``None`` code: not compiled yet) the
flags, the compiled code (as bytes: see :data:`_CODE_WORD`), the number of groups and the group
names, as CPython's compiler hands them to ``_sre.compile``."""

_FORMAT = 4  # 1: the code as a list of numbers; 2: one literal test (or None); 3: code
# without the start characters engine._with_start_chars adds
_CODE_WORD = "I"
"""The array type of a word of compiled code: unsigned, of 4 bytes (``_sre.CODESIZE``)."""
_entries: dict[str, Entry] | None = None  # read on first use
_dirty = False
_current: Callable[[], Iterable[str]] | None = None  # the patterns whose entries are kept


def cache_path() -> Path | None:
    """The cache file (``None``: ``KG_CACHE_DIR`` says off, or ``_sre`` is not CPython's).

    >>> path = cache_path()
    >>> path is None or path.name.startswith("rules-py")
    True
    """
    try:
        magic = importlib.import_module("_sre").MAGIC
    except (ImportError, AttributeError):
        return None
    folder = os.environ.get("KG_CACHE_DIR")
    if folder is not None:
        if folder.strip() in ("", "off"):
            return None
        base = Path(folder)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = Path(xdg) / "kg" if xdg else Path.home() / ".cache" / "kg"
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return base / f"rules-py{version}-sre{magic}.marshal"


def _key(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()


def _read() -> dict[str, Entry]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_path()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                data = None
            if (
                isinstance(data, tuple)
                and len(data) == 2
                and data[0] == _FORMAT
                and isinstance(data[1], dict)
            ):
                _entries = data[1]
    return _entries


def remembered(source: str) -> Entry | None:
    """The entry kept for pattern ``source`` (``None``: none)."""
    if cache_path() is None:
        return None
    entry = _read().get(_key(source))
    return entry if isinstance(entry, tuple) and len(entry) == 5 else None


def remember(source: str, entry: Entry, current: Callable[[], Iterable[str]]) -> None:
    """Keep ``entry`` for pattern ``source``; the file is written at exit, with the entries of
    the patterns ``current()`` gives (the others are of rules changed or gone)."""
    global _dirty, _current
    if cache_path() is None:
        return
    _read()[_key(source)] = entry
    _current = current
    if not _dirty:
        _dirty = True
        atexit.register(save)


def save() -> None:
    """Write the entries learnt (at exit; a failure to write is ignored: it is a cache)."""
    global _dirty
    path = cache_path()
    if not _dirty or path is None or _entries is None or _current is None:
        return
    _dirty = False
    keep = {_key(source) for source in _current()}
    data = marshal.dumps((_FORMAT, {k: v for k, v in _entries.items() if k in keep}))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass


def entry_of(
    test: tuple[str, ...], parsed: Any | None = None, code: list[Any] | None = None
) -> Entry:
    """The entry of a pattern: its literal tests and, given its parse and compiled ``code``, what
    ``_sre.compile`` needs."""
    if parsed is None or code is None:
        return (test, 0, None, 0, {})
    state = parsed.state
    words = array(_CODE_WORD, code).tobytes()
    return (test, int(state.flags), words, state.groups, dict(state.groupdict))


def compile_entry(source: str, entry: Entry) -> Any | None:
    """The :class:`re.Pattern` of ``source`` made from its entry (``None``: the entry holds no
    code, or ``_sre`` refuses it)."""
    _test, flags, code, groups, groupdict = entry
    if code is None:
        return None
    try:
        sre: Any = importlib.import_module("_sre")
        indexgroup: list[str | None] = [None] * groups
        for name, index in groupdict.items():
            indexgroup[index] = name
        words = array(_CODE_WORD, code).tolist()
        return sre.compile(source, flags, words, groups - 1, groupdict, tuple(indexgroup))
    except Exception:
        return None
