"""Capitalised names in a sentence: where each starts and ends, and what kind of thing it is.

A sentence is cut into :class:`Token` objects; runs of capitalised words (with the small words
titles keep inside: "Harry Potter and the Prisoner of Azkaban", "Men In Black") become
:class:`Chunk` objects. :func:`chunk_sentence` trims what is not part of a name (a sentence-initial
"But", descriptors such as "Actor", "US", "Oscar-winning"), splits possessives ("Michael Moore's
Fahrenheit 9/11") and coordinations ("Jude Law and Julia Roberts") where the words say so, and
gives each chunk a first guess of its kind from the word lists of :mod:`kg.extract.lexicon`:
``person``, ``film``, ``org``, ``nonfilm`` (awards, places, outlets...), ``nationality`` or
``name`` (not known yet; the rules decide).

>>> [(c.text, c.kind) for c in chunk_sentence("Actor Tom Hanks and Warner Bros met in London.")]
[('Tom Hanks', 'person'), ('Warner Bros', 'org'), ('London', 'nonfilm')]
>>> [(c.text, c.kind) for c in chunk_sentence("Michael Moore's Fahrenheit 9/11 won.")]
[('Michael Moore', 'person'), ('Fahrenheit 9/11', 'name')]
"""

# ruff: noqa: RUF001, RUF002  (typographic quotes and dashes are data here)

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..model import Relation
from .lexicon import (
    COMMON_WORDS,
    DEMONYM_NOUNS,
    FILM_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    INSTITUTION_HEADS,
    KNOWN_ORGS,
    NAME_PARTICLES,
    NONFILM_BEFORE,
    NONFILM_MODIFIERS,
    NONFILM_WORK_HEADS,
    PERSON_NOUNS,
    ROLE_OF_NOUN,
    ROLE_OF_VERB,
    STRONG_FILM_NOUNS,
    TV_NETWORKS,
    TV_WORDS,
    is_demonym,
    is_given_name,
    is_known_org,
    nonfilm_kind,
)

__all__ = [
    "Chunk",
    "Token",
    "chunk_sentence",
    "name_runs",
    "retype_chunks",
    "tokenize",
    "type_chunks",
    "untyped",
    "untyped_chunks",
]


_CREDIT_SUFFIXES = frozenset(
    {"led", "directed", "helmed", "starring", "starrer", "fronted", "headlined", "toplined",
     "produced", "penned", "scripted", "written", "voiced", "scored"}
)  # fmt: skip
"""Participles after a hyphen that make a name a credit ("the Tom Healy-directed thriller"): the
name is a token of its own (after a lower-case word the whole is one word: "self-directed")."""
_CREDIT_SUFFIX = "(?:" + "|".join(sorted(_CREDIT_SUFFIXES)) + ")"
_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z]))"
    r"|(?P<num>\$?\d+(?:[.,/:]\d+)*(?:s|st|nd|rd|th|m|bn|k)?(?![\w]))"
    r"|(?P<poss>['’][sS](?!\w)|(?<=s)['’](?=\s))"
    r"|(?P<word>[^\W\d_][\w]*(?:(?:-(?!"
    + _CREDIT_SUFFIX
    + r"\b)|[.&])[^\W_][\w]*|['’](?![sS]\b)[^\W_][\w]*)*"
    r"(?:(?=[.+])(?:(?<=\bMr|\bMs|\bDr|\bSt|\bJr)\.|(?<=\bMrs)\.|(?<=\bBros|\bCorp)\.(?=\s+\S)"
    r"|(?<=\bInc|\bLtd)\.(?=\s+\S)|(?<=\bCo)\.(?=\s+\S)|\+(?![\w+])))?)"
    r"|(?P<punct>[^\w\s])"
)
"""A token of a sentence. A word's optional tail ("Mr.", "Warner Bros.", "Disney+") is tried only
at a full stop or a plus sign (``(?=[.+])``): its look-behinds are not run after every word."""

_CONNECTORS = frozenset(
    {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with", "from", "vs", "vs."}
    | {"de", "da", "di", "du", "del", "della", "des", "la", "le", "les", "van", "von", "der"}
    | {"den", "y", "&", ":", "'s", "’s", "-", "–", "’", "'", "/"}
    | {"dei", "degli", "delle", "dello", "et", "aux", "und", "el", "los", "las"}
)
"""Lower-case words and marks a name may hold between two capitalised words, in English and in
the foreign titles news cites as they are ("La Via dei Limoni", "Jeanne et les Loups")."""

_PREPOSITIONS = frozenset({"in", "on", "at", "to", "for", "with", "from", "by"})
"""Connectors that never follow "and" inside one name."""

_ADJECTIVE_TAILS = (
    "-winning",
    "-nominated",
    "-winner",
    "-based",
    "-born",
    "-bred",
    "-raised",
    "-backed",
    "-funded",
    "-financed",
    "-owned",
    "-headquartered",
    "-registered",
    "-listed",
    "-era",
    "-style",
    "-esque",
    "-themed",
    "-inspired",
    "-centric",
    "-focused",
    "-like",
    "-bound",
    "-language",
    "-speaking",
    "-made",
    "-year-old",
    "-minute",
    "-budget",
    "-set",
    "-shot",
)
"""A capitalised word with one of these tails is an adjective ("Oscar-winning"), not a name.
(Credits such as "-directed" or "-led" are split off by the tokenizer: see _CREDIT_SUFFIXES.)"""


class Token(NamedTuple):
    """One word, number or mark of a sentence, with its offsets in the sentence.

    A named tuple: a sentence makes dozens, and a tuple is made about three times faster than a
    frozen dataclass.
    """

    text: str
    start: int
    end: int
    kind: str  # word, num, abbr, poss, punct
    lower: str = ""  # the text, lower-cased
    cap: bool = False  # does it look like part of a name (capitalised word, abbreviation)?


def tokenize(sentence: str) -> list[Token]:
    """The tokens of ``sentence``.

    >>> [t.text for t in tokenize("Howl's Moving Castle (2004), by U.S. director Mr. X.")]
    ['Howl', "'s", 'Moving', 'Castle', '(', '2004', ')', ',', 'by', 'U.S.', 'director', 'Mr.', 'X', '.']
    """
    out: list[Token] = []
    genres: list[int] = []  # where a capitalised genre word stands ("Western")
    quote_open = False  # a single quotation mark is open: "s'" closes it ("'Ruby Sparks' opened")
    for m in _TOKEN.finditer(sentence):
        kind = m.lastgroup or "punct"
        text = m.group()
        lower = text.lower()
        start = m.start()
        end = start + len(text)  # (cheaper than m.span(), which makes a tuple)
        if kind == "word":  # (most tokens: tested first)
            if (
                lower in _CREDIT_SUFFIXES
                and len(out) >= 2
                and out[-1].text == "-"
                and out[-1].start == start - 1
                and out[-2].end == start - 1
                and not out[-2].text[:1].isupper()
            ):  # "self-directed": one word; "the Tom Healy-directed thriller": a name and a credit
                first = out.pop(-2)
                out.pop()
                start = first.start
                text = sentence[start:end]
                lower = text.lower()
            # part of a name: capitalised, no adjective ("Oscar-winning": each tail has a
            # hyphen), or a capital inside a lower-case start ("eKhayelitsha", "iPhone")
            cap = (
                "-" not in lower or not lower.endswith(_ADJECTIVE_TAILS)
                if text[0].isupper()
                else len(text) > 3 and text[1].isupper()
            )
        else:
            cap = kind == "abbr"
            if text in ("'", "‘", "’"):
                if kind == "poss" and quote_open:
                    kind = "punct"
                if kind == "punct":
                    quote_open = not quote_open and (start == 0 or sentence[start - 1].isspace())
        # tuple.__new__: the named tuple made without its Python-level __new__ (a sentence
        # makes dozens: a fifth of the tokenizer's time)
        out.append(tuple.__new__(Token, (text, start, end, kind, lower, cap)))
        if lower in _CAPITALISED_GENRES:
            genres.append(len(out) - 1)
    for i in genres:
        if _genre_noun_at(out, i):
            out[i] = out[i]._replace(cap=False)
    return out


_CAPITALISED_GENRES = frozenset({"western", "westerns"})
"""Genre nouns that writers capitalise: "an independent Western directed by P" names no film."""


def _genre_noun_at(tokens: Sequence[Token], i: int) -> bool:
    """Is the capitalised genre word at ``i`` a noun of the sentence, not part of a name: after a
    lower-case word and before no capitalised one?

    >>> toks = tokenize("Sawdust, an independent Western directed by P, opens in Western Europe.")
    >>> [t.text for t in toks if t.lower == "western" and t.cap]
    ['Western']
    """
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        before is not None
        and before.kind == "word"
        and not before.cap
        and (after is None or not (after.cap or after.kind in ("num", "poss")))
    )


@dataclass(slots=True)
class Chunk:
    """A name in a sentence: tokens ``[first, last]``, its text, kind, and the words around it."""

    first: int
    last: int
    text: str
    start: int
    end: int
    kind: str = "name"
    why: str = ""
    descriptors: list[str] = field(default_factory=list)
    possessive: bool = False  # followed by 's

    def __repr__(self) -> str:
        return f"Chunk({self.text!r}, {self.kind})"


Known = Callable[[str], str | None]
"""A lookup of names the document (or the store) already knows: name -> kind or None."""


def _no_known(_name: str) -> str | None:
    return None


_COMPANY_ABBREVIATIONS = frozenset({"Bros.", "Corp.", "Inc.", "Ltd.", "Co."})
"""Abbreviations inside a company's name, which a capitalised word after goes on ("Warner Bros.
Pictures"); the tokenizer keeps their full stop when the sentence goes on after them."""
_SUFFIXES = frozenset({"Jr.", "Sr.", "Jnr.", "Snr."})
"""Name suffixes that end a name: a capitalised word after one starts something else."""


def name_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs ``[i, j]`` of capitalised tokens with connectors between them: what
    :func:`chunk_sentence` trims, splits and types. They depend on the tokens alone, so a caller
    that chunks a sentence twice may find them once.

    >>> name_runs(tokenize("The film Harry Potter and the Prisoner of Azkaban opened."))
    [(0, 0), (2, 8)]
    """
    runs: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if not tok.cap and (tok.kind != "num" or not _number_title_start(tokens, i)):
            i += 1  # (tested inline: most tokens are neither a name's nor a number)
            continue
        last = i
        j = i + 1
        gap = 0
        while j < n:
            t = tokens[j]
            if (
                t.cap
                and tokens[j - 1].text.endswith(".")
                and (t.lower in _NEW_SENTENCE_WORDS or tokens[j - 1].text in _SUFFIXES)
                and tokens[j - 1].text not in _COMPANY_ABBREVIATIONS  # "Warner Bros. Pictures"
            ):
                break  # "Tom Lister Jr. Distributed by": a new sentence the splitter missed
            if t.cap or (
                t.kind == "num"
                and gap == 0
                and "$" not in t.text
                and not _is_year(t.text)
                and not _age_follows(tokens, j)
            ):
                last = j
                gap = 0
                j += 1
                continue
            if (
                (t.lower in _CONNECTORS or t.kind == "poss")
                and gap < 2
                and _spaced_ok(tokens, j)
                and not (gap and t.lower in _PREPOSITIONS and tokens[j - 1].lower in ("and", "&"))
            ):  # "for Ferryman and for Halasi's film": "and for" joins two phrases, no name
                gap += 1
                j += 1
                continue
            break
        if (
            last + 2 < n
            and tokens[last + 1].text == ","
            and tokens[last + 2].text.rstrip(".") in ("Jr", "Sr", "Jnr")
        ):
            last += 2  # "Harry Shum, Jr.": one name
        if last == i and tokens[i].text in _FOREIGN_ARTICLES:
            last = _sentence_case_title_end(tokens, i)  # "Il ponte di sabbia (1966)"
        cut = _demonym_tail(tokens, i, last)
        if cut is not None:  # "Seven: Japanese director P": the title, then a nationality
            runs.append((i, cut))
            i = cut + 1
            continue
        runs.append((i, last))
        i = last + 1
    return runs


_FOREIGN_ARTICLES = frozenset(
    {"Il", "La", "Le", "Les", "Lo", "Gli", "El", "Los", "Las", "Der", "Die", "Das", "Het", "De"}
)
"""Articles that open a foreign title written in sentence case ("Il ponte di sabbia")."""


def _sentence_case_title_end(tokens: Sequence[Token], i: int) -> int:
    """Where a title in sentence case that opens with a foreign article at ``i`` ends: before
    a year in brackets, after at most six lower-case words ("Il ponte di sabbia (1966)");
    ``i`` itself when no year follows.

    >>> toks = tokenize("shooting Il ponte di sabbia (1966), a western")
    >>> toks[_sentence_case_title_end(toks, 1)].text
    'sabbia'
    >>> _sentence_case_title_end(tokenize("Die hard fans (of it)"), 0)
    0
    """
    k = i + 1
    while k < len(tokens) and k - i <= 6 and tokens[k].kind == "word" and not tokens[k].cap:
        k += 1
    if (
        k > i + 1
        and k + 2 < len(tokens)
        and tokens[k].text == "("
        and _is_year(tokens[k + 1].text)
        and tokens[k + 2].text == ")"
    ):
        return k - 1
    return i


def _demonym_tail(tokens: Sequence[Token], i: int, last: int) -> int | None:
    """Where a run ``i..last`` ends before a nationality that qualifies the person or film noun
    after it ("The Chief's Wife and Ghanaian director P", "Seven: Japanese director P", "F and the
    Argentine thriller G"), if it does.

    >>> toks = tokenize("Seven: Japanese director Hiro Tanabe")
    >>> _demonym_tail(toks, 0, 2)
    0
    >>> _demonym_tail(tokenize("Kenneth Welsh star in it"), 0, 1) is None
    True
    """
    if (
        last <= i
        or last + 1 >= len(tokens)
        or (tokens[last + 1].lower not in PERSON_NOUNS and tokens[last + 1].lower not in FILM_NOUNS)
        or not is_demonym(tokens[last].text)
    ):  # (or a kind of film: "F and the Argentine thriller G")
        return None
    cut = last - 1
    if cut > i and is_demonym(f"{tokens[cut].text} {tokens[last].text}"):
        cut -= 1  # "South Korean director"
    if tokens[cut].lower not in _CONNECTORS and tokens[cut].kind != "punct":
        return None  # "Kenneth Welsh star in the film": a surname
    while cut >= i and (tokens[cut].lower in _CONNECTORS or tokens[cut].kind == "punct"):
        cut -= 1
    return cut if cut >= i else None


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


_NUMBER_TITLE_VERBS = frozenset({"directed", "directs", "co-directed", "made"})
"""Verbs whose capitalised object after a number is a film ("Danny Boyle directed 28 Days Later")."""
_NUMBER_TITLE_PAIRS = frozenset(
    {(head, "in") for head in ("starred", "star", "stars", "starring", "appeared", "appears",
                               "role", "roles", "part", "debut", "cameo", "co-starred")}
    | {(head, "of") for head in ("remake", "sequel", "director", "star", "stars", "makers")}
    | {(head, "to") for head in ("sequel", "follow-up", "prequel")}
)  # fmt: skip
"""Words before a number and a capitalised run that make the run a film's title ("starred in
21 Jump Street", "a remake of 12 Angry Men"), where a run would otherwise drop the number."""


def _number_title_start(tokens: Sequence[Token], i: int) -> bool:
    """Does a title open with a number here ("the drama 21 Grams", "film 9 Songs",
    "starred in 28 Days Later")?

    >>> tokens = tokenize("He starred in 28 Days Later.")
    >>> [" ".join(t.text for t in tokens[a : b + 1]) for a, b in name_runs(tokens)]
    ['He', '28 Days Later']
    """
    tok = tokens[i]
    if tok.kind != "num":
        return False
    if _ORDINAL.fullmatch(tok.text) and i + 1 < len(tokens) and tokens[i + 1].cap:
        # "20th Century Fox": an ordinal that opens a company's name the lexicon knows
        words = [tok.text]
        for nxt in tokens[i + 1 : i + 4]:
            if not nxt.cap:
                break
            words.append(nxt.text)
            if is_known_org(" ".join(words)):
                return True
    return (
        0 < i < len(tokens) - 1
        and (
            tokens[i - 1].lower in STRONG_FILM_NOUNS
            or (  # "The Elephant Man and 84 Charing Cross Road": a later title of a list
                tokens[i - 1].text in ("and", "&", ",")
                and i >= 2
                and tokens[i - 2].cap
                and not _counts_films(tokens, i)
            )
            or (
                (
                    tokens[i - 1].lower in _NUMBER_TITLE_VERBS
                    or (
                        i >= 2 and (tokens[i - 2].lower, tokens[i - 1].lower) in _NUMBER_TITLE_PAIRS
                    )
                )
                and not _counts_films(tokens, i)
            )
        )
        and "$" not in tok.text
        and not _is_year(tok.text)
        and tokens[i + 1].cap
    )


def _counts_films(tokens: Sequence[Token], i: int) -> bool:
    """Does the number at ``i`` count films or people rather than open a title ("appeared in
    7 Spike Lee movies", "made 3 Hollywood Films", "starred in 2 John Woo thrillers")?"""
    if is_given_name(tokens[i + 1].text):
        return True
    j = i + 1
    while j < len(tokens) and tokens[j].cap:
        j += 1
    return j < len(tokens) and tokens[j].lower in FILM_NOUNS


def _age_follows(tokens: Sequence[Token], j: int) -> bool:
    """Is the number at ``j`` an age ("The 80-year-old", "a 32-year-old")?"""
    rest = [t.lower for t in tokens[j + 1 : j + 3]]
    return rest[:1] == ["year-old"] or rest == ["-", "year-old"]


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isascii() and text.isdigit() and text[:2] in ("18", "19", "20")


def _spaced_ok(tokens: Sequence[Token], j: int) -> bool:
    """A dash or colon joins a name only inside a title ("Mission: Impossible – Dead Reckoning"):
    a colon right after a word, a dash with spaces on both sides."""
    t = tokens[j]
    if t.text in (":", "/"):
        return tokens[j - 1].end == t.start and (
            t.text == ":" or (j + 1 < len(tokens) and t.end == tokens[j + 1].start)
        )
    if t.text in ("-", "–"):
        return j + 1 < len(tokens) and tokens[j - 1].end < t.start < t.end < tokens[j + 1].start
    return True


def _person_like(words: Sequence[str]) -> bool:
    """Two to four capitalised words starting with a given name, no title words inside."""
    if not 2 <= len(words) <= 5 or ":" in words[0] or words[0][0].isdigit():
        return False
    if not is_given_name(words[0].rstrip(".")) and not _initial(words[0]):
        return False
    for w in words[1:]:
        if ":" in w or w[0].isdigit():
            return False
        if w in NAME_PARTICLES:
            continue
        if not w[0].isupper() or w.lower() in COMMON_WORDS or w.lower() in _CONNECTORS:
            return False
        if nonfilm_kind(w, heads=False) in ("award", "event", "time"):
            return False
    return True


@lru_cache(maxsize=1 << 14)
def _person_like_name(name: str) -> bool:
    """:func:`_person_like` of the words of ``name`` (asked of every chunk :func:`_classify`
    types, and names recur: a text names its people often, both passes chunk it: memoised)."""
    return _person_like(name.split())


_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.)*")


def _initial(word: str) -> bool:
    return _INITIALS.fullmatch(word) is not None


def _is_initial_token(tok: Token) -> bool:
    return tok.kind == "abbr" and len(tok.text) == 2


def chunk_sentence(
    sentence: str,
    tokens: Sequence[Token] | None = None,
    *,
    known: Known = _no_known,
    film: Callable[[str], bool] | None = None,
    sentence_start: bool = True,
    comma_starts: frozenset[str] | None = frozenset(),
    runs: Sequence[tuple[int, int]] | None = None,
) -> list[Chunk]:
    """The names of ``sentence``, trimmed, split and given a first kind (see the module doc).

    ``known`` tells the kind of names the document or store already knows ("person", "film",
    "org"); ``film`` whether the store knows a name as a film (one word too), to split two
    known films joined by "and"; ``sentence_start`` says the first token starts a sentence (so
    its capital proves nothing); ``comma_starts`` are the first words of known names that hold
    a comma ("I, Robot"), ``None`` to look for such names from every capitalised word; ``runs``
    are the :func:`name_runs` of ``tokens`` when the caller has them already.
    """
    tokens = tokens if tokens is not None else tokenize(sentence)
    chunks = untyped_chunks(
        sentence,
        tokens,
        known=known,
        film=film,
        sentence_start=sentence_start,
        comma_starts=comma_starts,
        runs=runs,
    )
    type_chunks(chunks, tokens, known)
    return chunks


def type_chunks(chunks: Iterable[Chunk], tokens: Sequence[Token], known: Known) -> None:
    """Give each of :func:`untyped_chunks` its first kind (and why)."""
    for chunk in chunks:
        _classify(chunk, tokens, known)


def retype_chunks(
    chunks: Sequence[Chunk],
    typed: Sequence[Chunk],
    tokens: Sequence[Token],
    known: Known,
    known_before: Mapping[str, str | None],
) -> None:
    """:func:`type_chunks` of ``chunks``, the :func:`untyped` copies of ``typed`` (chunks of the
    same tokens typed before, when ``known`` answered as ``known_before``). A chunk's kind
    depends on its tokens and on what ``known`` says of its own text alone: a chunk whose text
    was not asked, or is known as it was, takes the kind (and why) its copy had.

    >>> sentence = "The film Salt Road stars Ann Cole."
    >>> typed = chunk_sentence(sentence, tokens := tokenize(sentence))
    >>> chunks = [untyped(c) for c in typed]
    >>> retype_chunks(chunks, typed, tokens, {"Ann Cole": "person"}.get, {"Ann Cole": None})
    >>> [(c.text, c.kind, c.why) for c in chunks]
    [('Salt Road', 'film', "after 'film'"), ('Ann Cole', 'person', 'known')]
    """
    for chunk, before in zip(chunks, typed, strict=True):
        text = chunk.text
        if text not in known_before or known(text) == known_before[text]:
            chunk.kind, chunk.why = before.kind, before.why
        else:
            _classify(chunk, tokens, known)


def untyped(chunk: Chunk) -> Chunk:
    """A copy of ``chunk`` as :func:`untyped_chunks` made it, before :func:`type_chunks` (which
    sets its kind and why alone)."""
    return Chunk(
        chunk.first,
        chunk.last,
        chunk.text,
        chunk.start,
        chunk.end,
        descriptors=chunk.descriptors,
        possessive=chunk.possessive,
    )


def untyped_chunks(
    sentence: str,
    tokens: Sequence[Token],
    *,
    known: Known = _no_known,
    film: Callable[[str], bool] | None = None,
    sentence_start: bool = True,
    comma_starts: frozenset[str] | None = frozenset(),
    runs: Sequence[tuple[int, int]] | None = None,
) -> list[Chunk]:
    """The names of ``sentence`` trimmed and split, not yet typed: :func:`chunk_sentence` (the
    same arguments) before :func:`type_chunks`. Where they start and end depends on ``known``'s
    answers to the names this asks about, which :func:`type_chunks` asks about again: a caller
    whose ``known`` gives the same answers to this part's questions may keep these chunks and
    type them again alone."""
    out: list[Chunk] = []
    forced = (
        _known_spans(sentence, tokens, known, comma_starts) if comma_starts != frozenset() else []
    )
    if not _QUOTE_MARKS.isdisjoint(t.text for t in tokens):
        _add_spans(forced, quoted_titles(tokens))
    if "," in sentence and not _APPOSITION_NOUNS.isdisjoint(t.lower for t in tokens):
        _add_spans(forced, appositive_titles(tokens))
    found_runs = runs if runs is not None else name_runs(tokens)
    if "," in sentence and len(found_runs) > 1:
        found_runs = _comma_titles(sentence, tokens, found_runs)
    for i, j in found_runs:
        inside = [(a, b) for a, b in forced if i <= a <= j or a <= i <= b]
        if inside:  # the run's words before a forced name ("Leon Grant's 'Ruby Sparks'")
            a = inside[0][0]
            if i < a - 1 and tokens[a - 1].text in _CLOSING_QUOTE:
                out.extend(_shape(sentence, tokens, i, a - 1, known, sentence_start, film))
            continue
        out.extend(_shape(sentence, tokens, i, j, known, sentence_start, film))
    for a, b in forced:
        chunk = _make(sentence, tokens, a, b)
        chunk.possessive = (
            b + 1 < len(tokens)
            and tokens[b + 1].kind == "poss"
            and not (a > 0 and tokens[b + 1].text in _CLOSING_QUOTE.get(tokens[a - 1].text, ()))
        )
        out.append(chunk)
    out = [c for c in out if not _AWARD_CATEGORY.match(c.text)]
    out.sort(key=lambda c: c.first)
    return out


_DECADE = re.compile(r"(?:1[89]|20)\d0s")
"""A decade before a name ("in 1950s Harlem"): the name is a place in its time."""

_TITLING_ADVERBS = frozenset(
    {"provisionally", "tentatively", "currently", "simply", "aptly", "originally", "now"}
)
"""Adverbs between a film noun and "titled" ("The film, provisionally titled X")."""


def _comma_titles(
    sentence: str, tokens: Sequence[Token], runs: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Join two runs split at a comma into one title when a singular film noun comes before
    them and a verb after ("the drama Paris, Late Summer climbed to seventh", "the thriller
    Four Walls, One Window has won"); not a list ("the film Heat, Ali and Collateral"), nor a
    person after the comma ("his drama Vera Drake, Mike Leigh said").

    >>> toks = tokenize("Italian drama Paris, Late Summer climbed to seventh.")
    >>> _comma_titles("Italian drama Paris, Late Summer climbed to seventh.", toks, [(0, 0), (2, 2), (4, 5)])
    [(0, 0), (2, 5)]
    """
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        i, j = runs[k]
        if k + 1 < len(runs):
            a, b = runs[k + 1]
            if (  # the token tests first: most pairs of runs fail them
                a == j + 2
                and tokens[j + 1].text == ","
                and i > 0
                and b - a <= 3
                and j - i <= 3
                and b + 1 < len(tokens)
                and tokens[b + 1].lower in _VERBS_AFTER_TITLE
                and _singular_film_noun(tokens[i - 1].lower)
                and not _person_like(_words(sentence, tokens, a, b))
                and not _person_like(_words(sentence, tokens, i, j))
            ):
                out.append((i, b))
                k += 2
                continue
        out.append((i, j))
        k += 1
    return out


def _add_spans(forced: list[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> None:
    """Add to ``forced`` (kept sorted) the ``spans`` that overlap none of it."""
    forced.extend([(a, b) for a, b in spans if not any(x <= b and a <= y for x, y in forced)])
    forced.sort()


_ARTICLES = frozenset({"the", "a", "an"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
_CLOSING_QUOTE = {'"': ('"',), "“": ("”", '"'), "'": ("'", "’"), "‘": ("’", "'")}
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "for", "by", "with",
     "from", "as", "vs", "vs.", "up", "&", ":", "-", "–", "'s", "’s", "!", "?"}
)  # fmt: skip


def quoted_titles(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges of title-cased phrases of two to ten words in quotation marks: one name each,
    though a name run would cut them ("It's Great to Be Young", "I Now Pronounce You Chuck and
    Larry", "22 Bullets", "This Film Is Not Yet Rated") or take them for a person ("King David");
    after a film noun, any quoted phrase that opens with a capital ('the film "Il bidone"').
    Quoted speech has lower-case words or ends in a full stop or comma.

    >>> toks = tokenize('He starred in "It’s Great to Be Young" and said "I was there."')
    >>> [" ".join(t.text for t in toks[a : b + 1]) for a, b in quoted_titles(toks)]
    ['It ’s Great to Be Young']
    """
    out: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        closers = _CLOSING_QUOTE.get(tokens[i].text)
        if closers is None or (
            tokens[i].text == "'"
            and i > 0
            and tokens[i - 1].kind == "word"
            and tokens[i - 1].end == tokens[i].start
        ):
            i += 1
            continue
        end = next((j for j in range(i + 1, min(i + 13, n)) if tokens[j].text in closers), None)
        if end is None:
            i += 1
            continue
        inner = tokens[i + 1 : end]
        words = [t for t in inner if t.kind in ("word", "num")]
        if 1 <= len(words) <= 10 and (
            inner[0].cap or (inner[0].kind == "num" and len(inner) > 1 and inner[1].cap)
        ):
            title_case = all(
                t.cap or t.kind == "num" or t.lower in _TITLE_SMALL_WORDS
                for t in inner
                if t.kind != "punct" or t.text not in ("&", ":", "-", "–", "!", "?")
            )
            cut_word = any(  # "This Film Is Not Yet Rated": a run would cut at "This"
                t.lower in _TITLE_SMALL_WORDS
                or t.lower in FUNCTION_WORDS
                or t.kind in ("poss", "num")
                for t in inner
            )
            # "the film "King David"": no nickname inside a name ('Dwayne "The Rock" Johnson')
            alone = not (
                i > 0 and tokens[i - 1].cap and tokens[i - 1].lower not in _ARTICLES
            ) and not (end + 1 < n and tokens[end + 1].cap)
            after_film_noun = (  # "the drama film "Il bidone"": a foreign title, lower case and all
                i > 0
                and tokens[i - 1].lower in STRONG_FILM_NOUNS
                and not tokens[i - 1].lower.endswith("s")
                and len(words) <= 8
                and inner[-1].kind != "punct"
            )
            found = (title_case and (cut_word or alone) and len(words) >= 2) or after_film_noun
        else:
            found = False
        if found:
            out.append((i + 1, end - 1))
            i = end + 1
        else:
            i += 1
    return out


_APPOSITION_NOUNS = frozenset(
    {"sequel", "prequel", "remake", "follow-up", "spin-off", "film", "movie", "documentary"}
)
_APPOSITION_VERBS = frozenset(
    {"was", "is", "will", "has", "had", "opens", "opened", "premiered", "premieres", "follows",
     "followed", "stars", "starred", "came", "comes", "which", "released", "directed"}
)  # fmt: skip
_NOT_IN_A_TITLE = frozenset({"said", "says", "told", "added", "explained", "insisted", "who"})


def appositive_titles(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges of a title in apposition to "a sequel", "the film" and the like, closed by a
    comma and a verb, when it holds lower-case words a name run would cut at ("A sequel,
    Änglagård – andra sommaren, was produced in 1994"): one name each.

    >>> toks = tokenize("A sequel, Änglagård – andra sommaren, was produced in 1994.")
    >>> [" ".join(t.text for t in toks[a : b + 1]) for a, b in appositive_titles(toks)]
    ['Änglagård – andra sommaren']
    """
    out: list[tuple[int, int]] = []
    n = len(tokens)
    for i in range(1, n - 3):
        if not (
            tokens[i].lower in _APPOSITION_NOUNS
            and tokens[i + 1].text == ","
            and tokens[i + 2].cap
            and tokens[i - 1].lower in _APPOSITION_DETERMINERS | {"a", "an", "second", "third"}
        ):
            continue
        end = next((j for j in range(i + 3, min(i + 12, n)) if tokens[j].text == ","), None)
        if end is None or end + 1 >= n or tokens[end + 1].lower not in _APPOSITION_VERBS:
            continue
        inner = tokens[i + 2 : end]
        lower = [t for t in inner if t.kind == "word" and not t.cap]
        if (
            lower
            and not any(t.lower in FUNCTION_WORDS or t.lower in _NOT_IN_A_TITLE for t in lower)
            and not any(t.kind == "poss" or t.text in ("(", ")", '"', "“", "”") for t in inner)
        ):
            out.append((i + 2, end - 1))
    return out


def _quoted(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Is the name ``tokens[first..last]`` alone in quotation marks ('"King David"')?"""
    return (
        first > 0
        and last + 1 < len(tokens)
        and tokens[last + 1].text in _CLOSING_QUOTE.get(tokens[first - 1].text, ())
        and not (first > 1 and tokens[first - 2].cap and tokens[first - 2].lower not in _ARTICLES)
    )


def _known_spans(
    sentence: str, tokens: Sequence[Token], known: Known, starts: frozenset[str] | None
) -> list[tuple[int, int]]:
    """Known names that hold a comma or run into the next name ("Crouching Tiger, Hidden
    Dragon", "I, Robot"): longest first, left to right. ``starts`` are the lower-cased first
    words of such names (``None``: try every capitalised word). A name the document itself
    knows may also hold a lower-case word that no name holds otherwise ("Storm over Asia", the
    title of an encyclopedia article); a store's name may not, since "the end of ..." would then
    be a film called "The End", but it may end with a number or a small word that a name's run
    would leave out ("Murder at 1600", "Fools Rush In")."""
    spans: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not tokens[i].cap or (starts is not None and tokens[i].lower not in starts):
            i += 1
            continue
        best = -1
        commas = 0
        lower = False
        for j in range(i + 1, min(i + 14, n)):
            t = tokens[j]
            if t.text == ",":
                commas += 1
                continue
            if t.kind == "punct" and t.text not in (":", "-", "–", "&", "!", "?"):
                break
            if t.kind == "word" and not t.cap and t.lower not in _CONNECTORS:
                lower = starts is not None
            if (
                (t.cap or t.kind == "num")
                and (commas or lower or (j > i + 1 and (starts is not None or _cut_end(t))))
                and known(sentence[tokens[i].start : t.end]) == "film"
            ):
                best = j
        if best >= 0:
            spans.append((i, best))
            i = best + 1
        else:
            i += 1
    return spans


def _cut_end(token: Token) -> bool:
    """Would a name's run end before ``token`` though a known name ends with it: a number or a
    small word ("Murder at 1600", "Fools Rush In")?"""
    return token.kind == "num" or token.lower in FUNCTION_WORDS


def splits_apart(name: str) -> bool:
    """Would :func:`name_runs` cut ``name`` in pieces at a lower-case word it holds ("Storm over
    Asia", "Änglagård – andra sommaren")? Such a name is found whole only when it is known.

    >>> splits_apart("Storm over Asia"), splits_apart("Harry Potter and the Goblet of Fire")
    (True, False)
    """
    return any(w[:1].islower() and w.lower() not in _CONNECTORS for w in name.split()[1:])


def _make(sentence: str, tokens: Sequence[Token], i: int, j: int) -> Chunk:
    start, end = tokens[i].start, tokens[j].end
    return Chunk(i, j, _recased(sentence[start:end]), start, end)


def _recased(name: str) -> str:
    """A name of two words or more set in capitals for emphasis, as it is written elsewhere
    ("TOM HEALY has revealed ...", "FIFTY SHADES DARKER star ..."); any other name as it is.

    >>> _recased("TOM HEALY"), _recased("OCEAN'S TWELVE"), _recased("X-MEN 2"), _recased("10,000 BC")
    ('Tom Healy', "Ocean's Twelve", 'X-MEN 2', '10,000 BC')
    """
    if " " not in name or not name.isupper():
        return name
    if sum(sum(ch.isalpha() for ch in word) >= 2 for word in name.split(" ")) < 2:
        return name  # "10,000 BC", "Apollo 13"-like: one word of letters, an acronym maybe
    return " ".join(
        "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
        for word in name.split(" ")
    )


def _before_and(tokens: Sequence[Token], i: int, j: int) -> int:
    """The last token of the run ``i..j`` before its first "and" or "&" (``j`` when none): the
    first name of "Mrs Miniver and The Pride of the Yankees".

    >>> _before_and(tokenize("Mrs Miniver and The Pride"), 0, 4)
    1
    """
    for k in range(i + 1, j):
        if tokens[k].text in ("and", "&"):
            return k - 1
    return j


def _singular_film_noun(word: str) -> bool:
    """Is the lower-cased ``word`` a film noun that names one film ("comedy", not "films" nor
    the verb "features")?

    >>> _singular_film_noun("comedy"), _singular_film_noun("films"), _singular_film_noun("features")
    (True, False, False)
    """
    return word in STRONG_FILM_NOUNS and not word.endswith("s")


def _after_film_noun(tokens: Sequence[Token], i: int) -> bool:
    """Is ``tokens[i]`` right after a singular film noun ("the comedy Mrs Doubtfire")?

    >>> _after_film_noun(tokenize("the comedy Mrs Doubtfire"), 2)
    True
    >>> _after_film_noun(tokenize("the films Mr Smith made"), 2)
    False
    """
    return i > 0 and _singular_film_noun(tokens[i - 1].lower)


def _shape(
    sentence: str,
    tokens: Sequence[Token],
    i: int,
    j: int,
    known: Known,
    sentence_start: bool,
    film: Callable[[str], bool] | None = None,
) -> list[Chunk]:
    descriptors: list[str] = []
    if _compound_modifier_follows(tokens, j) and not is_demonym(tokens[j].text):
        # "the Hong Kong-set thriller X": no name ("an Indian Tamil-language film": a nationality)
        while j >= i and tokens[j].cap:
            j -= 1  # "F and the Hong Kong-set G": F is still a name
    # trim the front: sentence-initial common words, honorifics, descriptors, demonyms
    while i <= j:
        tok = tokens[i]
        low = tok.lower.rstrip(".")
        at_start = sentence_start and (i == 0 or tokens[i - 1].text in ('"', "“", "‘", "'", "("))
        joined = sentence[tok.start : tokens[i + 1].end] if i < j else tok.text  # with the next
        if i == 0 and _starring_after(tokens, j) and not (i < j and low in STRONG_FILM_NOUNS):
            break  # "Mrs Henderson Presents, starring X, ...": a title, honorific and all
        if tok.text in HONORIFICS or tok.text.rstrip(".") in HONORIFICS:
            if not descriptors and (
                _after_film_noun(tokens, i)
                or _starring_after(tokens, j)
                or known(sentence[tok.start : tokens[_before_and(tokens, i, j)].end]) == "film"
                or _film_apposition_after(tokens, j)  # "Mr and Mrs Ramsbottom, a comedy based on"
                or (i > 0 and tokens[i - 1].lower in ("titled", "entitled"))  # "titled Mr Jones"
            ):
                break  # "the comedy Mrs Doubtfire", "includes Mrs Henderson Presents, starring"
            descriptors.append(low)
            i += 1
        elif (
            at_start
            and low == "the"
            and i + 2 <= j
            and (
                (
                    is_demonym(tokens[i + 1].text)
                    and _person_like(_first_of(sentence, tokens, i + 2, j))
                )
                or (
                    i + 3 <= j
                    and is_demonym(sentence[tokens[i + 1].start : tokens[i + 2].end])
                    and _person_like(_first_of(sentence, tokens, i + 3, j))
                )
            )
        ):
            i += 1  # "The Australian Kim Lo produces": the article of a nationality before a name
        elif (
            i + 1 < j and is_demonym(joined) and _person_like(_first_of(sentence, tokens, i + 2, j))
        ):
            descriptors.append(joined.lower())
            i += 2
        elif i < j and is_demonym(tok.text) and _person_like(_first_of(sentence, tokens, i + 1, j)):
            descriptors.append(low)
            i += 1
        elif (
            i + 1 < j
            and tokens[i + 1].lower in PERSON_NOUNS
            and nonfilm_kind(tok.text, heads=False) in ("place", "media")
        ):
            descriptors.append(low)  # "Hollywood A-lister X", "BBC presenter X"
            i += 1
        elif low in PERSON_NOUNS and i < j and (at_start or tokens[i + 1].cap):
            if known(sentence[tok.start : tokens[j].end]) in ("film", "org"):
                break
            if (  # "King Kong", "Star Trek Beyond": a capital mid-sentence makes the noun a
                # name's, unless a person's name follows ("by Director Steven Spielberg")
                not at_start
                and tok.text[:1].isupper()
                and (
                    not is_given_name(tokens[i + 1].text)
                    or (i > 0 and tokens[i - 1].lower == "as")  # "cast as Queen Victoria"
                )
            ):
                break
            descriptors.append(low)
            i += 1
        elif (
            at_start
            and (
                low in FUNCTION_WORDS
                or low in _START_NOUNS
                or low in _RENAMING_PARTICIPLES
                or (
                    i == j
                    and (
                        low in _SPANS_OF_TIME
                        or low in _GENRE_MODIFIERS
                        or low in _LEAD_GERUNDS
                        or _sentence_adverb(tokens, i)
                    )
                )
            )
            and low not in ("the", "a", "an")
            and not (len(tok.text) > 1 and tok.text.isupper())  # "US political thriller F": no "us"
            and not _person_like(_words(sentence, tokens, i, j))
        ):
            if known(sentence[tok.start : tokens[j].end]):
                break
            if i + 1 == j and is_known_org(sentence[tok.start : tokens[j].end]):
                break  # "Legendary Pictures produced it": not a bare "Pictures"
            if i < j and nonfilm_kind(joined) == "place":
                break  # "New Zealand Film Commission produced it": not "Zealand ..."
            i += 1
        elif (
            at_start
            and (low.endswith(("ed", "en")) or low in _IRREGULAR_PARTICIPLES)
            and i + 1 < len(tokens)
            and (
                tokens[i + 1].lower == "by"
                or (low, tokens[i + 1].lower) in (("adapted", "from"), ("based", "on"))
            )
        ):
            i += 1  # "Helmed by X, ...", "Written by Y", "Adapted from Z's novel": a participle
        elif (
            at_start
            and (low.endswith(("ed", "en")) or low in _IRREGULAR_PARTICIPLES or low == "born")
            and i + 1 < len(tokens)
            and tokens[i + 1].lower in ("in", "at", "on", "near", "into")
            and _pronoun_subject_after(tokens, j)
            and not is_given_name(tok.text)
        ):
            i += 1  # "Born in Leeds in 1917, she ...", "Filmed in Prague, it ...": no name
        elif (
            at_start
            and i == j
            and low.endswith(_ADJECTIVE_ENDINGS)
            and not is_demonym(tok.text)  # "Spanish movie X": the country of the film
            and j + 1 < len(tokens)
            and tokens[j + 1].lower in FILM_NOUNS
            and known(tok.text) is None
        ):
            i += 1  # "Animated sequel X", "Romantic comedy Y": an adjective, no title
        elif (
            tok.kind not in ("word", "abbr") and not _number_title_start(tokens, i)
        ) or tok.text in _CONNECTORS:
            i += 1
        else:
            break
    # trim the tail: connectors, possessive marks
    while j >= i and (tokens[j].lower in _CONNECTORS or tokens[j].kind in ("poss", "punct")):
        j -= 1
    if i > j:
        return []
    # a lone "The"/"A" is no name, nor "I've", nor a suffix after a comma ("Harry Shum, Jr.")
    if i == j and tokens[i].lower.rstrip(".").replace("’", "'") in _NEVER_ALONE:
        return []
    # "The Mike Leigh film", "The World War I romantic drama": the article belongs to the noun
    # phrase the name modifies, not to the name
    if _article_outside_name(sentence, tokens, i, j, known):
        i += 1
    j = _known_prefix(sentence, tokens, i, j, known)
    pieces = _split(sentence, tokens, i, j, known, film)
    chunks: list[Chunk] = []
    for a, b in pieces:
        if b == j and _title_mark_follows(tokens, a, b):
            b += 1  # "Who Shot Pike?", "Airplane! is a comedy": the mark is the title's
        chunk = _make(sentence, tokens, a, b)
        chunk.descriptors = descriptors if a == i else []
        chunk.possessive = b + 1 < len(tokens) and tokens[b + 1].kind == "poss"
        chunks.append(chunk)
    return chunks


def _film_noun_with_participle_before(tokens: Sequence[Token], end: int) -> bool:
    """Is the phrase that ends just before ``tokens[end]`` (a comma) a film noun with a participle
    after it, read back over at most ten words ("a new film directed by her husband Guy
    Ritchie , called X")?

    >>> _film_noun_with_participle_before(tokenize("a new film directed by Guy Ritchie , called X"), 6)
    True
    >>> _film_noun_with_participle_before(tokenize("the film festival run by Kate Lowry , called X"), 7)
    False
    """
    for index in range(end - 1, max(end - 11, 0), -1):
        token = tokens[index]
        if token.kind == "punct":
            return False
        if _singular_film_noun(token.lower) and tokens[index + 1].lower in _PARTICIPLES_AFTER_FILM:
            return True
    return False


_PARTICIPLES_AFTER_FILM = frozenset(
    {"directed", "written", "produced", "starring", "co-starring", "featuring", "made", "shot",
     "based", "set", "co-written", "co-directed", "scripted", "adapted"}
)  # fmt: skip
"""Words that open a participle phrase on the film noun before them ("a film directed by P")."""


def _determiner_before(tokens: Sequence[Token], noun: int) -> bool:
    """Does the film noun at ``tokens[noun]`` open its phrase with a determiner
    (:data:`_APPOSITION_DETERMINERS`), read back over at most three modifiers ("the film", "the
    next James Bond film"), in no "of" phrase ("The director of the film, P, says")?

    >>> _determiner_before(tokenize("the next James Bond film , X ,"), 4)
    True
    >>> _determiner_before(tokenize("the director of the film , X ,"), 4)
    False
    >>> _determiner_before(tokenize("a new BBC drama , X ,"), 3)
    False
    """
    for index in range(noun - 1, max(noun - 5, -1), -1):
        token = tokens[index]
        if token.lower in _APPOSITION_DETERMINERS:
            return index == 0 or tokens[index - 1].lower not in ("of", "for", "behind", "in")
        if (
            token.kind != "word"
            or (token.lower in _NOT_IN_A_FILM_PHRASE and token.lower not in _ORDER_WORDS)
            or _tv_word(token)  # "a new BBC drama, X,": a show
        ):
            return False
    return False


_ORDER_WORDS = frozenset({"next", "last", "first", "second", "third", "latest", "new", "own"})
"""Function words that may stand between a determiner and its film noun ("the next film")."""


def _film_noun_phrase_before(tokens: Sequence[Token], end: int) -> bool:
    """Is the noun phrase that ends just before ``tokens[end]`` (a comma) headed by a film noun,
    read back over at most one "of" phrase ("a biopic of his life , titled X")?

    >>> _film_noun_phrase_before(tokenize("a biopic of his life , titled X"), 5)
    True
    >>> _film_noun_phrase_before(tokenize("a book about his life , titled X"), 5)
    False
    """
    for index in range(end - 1, max(end - 6, -1), -1):
        token = tokens[index]
        if token.lower in STRONG_FILM_NOUNS:
            return True
        if token.kind == "punct" or token.cap or token.lower in _NOT_IN_A_FILM_PHRASE:
            return False
    return False


def _compound_modifier_follows(tokens: Sequence[Token], j: int) -> bool:
    """Is the name that ends at ``tokens[j]`` the first part of a hyphenated modifier whose last
    word is not capitalised ("Hong Kong-set", "New York-based"): an adjective, no name?

    >>> _compound_modifier_follows(tokenize("the Hong Kong-set thriller"), 1)
    True
    """
    if j + 1 >= len(tokens):
        return False
    after = tokens[j + 1]
    return (  # a capitalised word that is no name part ends in one of the _ADJECTIVE_TAILS
        after.kind == "word"
        and not after.cap
        and after.text[:1].isupper()
        and after.start == tokens[j].end + 1
    )


_QUESTION_WORDS = frozenset(
    {"who", "what", "what's", "where", "where's", "when", "why", "how", "whatever", "which",
     "whose", "whom", "is", "are", "was", "were", "do", "does", "did", "can", "could", "will",
     "would", "shall", "should", "have", "has"}
)  # fmt: skip


def _title_mark_follows(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Is the "?" or "!" right after the name ``[i, j]`` part of it: a question that is a title
    ("Where Is Mr Pike?"), or a mark the sentence goes on after ("Airplane! is a comedy",
    "Who Shot Pike?, the sequel")? A sentence's own "!" or a question about a name is not.

    >>> toks = tokenize("She starred in Who Shot Pike? in 1999.")
    >>> _title_mark_follows(toks, 3, 5), _title_mark_follows(tokenize("Is it Pike?"), 2, 2)
    (True, False)
    """
    if j + 1 >= len(tokens) or tokens[j + 1].text not in ("?", "!"):
        return False
    if tokens[j + 1].start != tokens[j].end:
        return False
    after = tokens[j + 2] if j + 2 < len(tokens) else None
    goes_on = after is not None and (
        after.text in (",", ")", ";") or (after.kind == "word" and not after.cap)
    )
    if tokens[j + 1].text == "!":
        return goes_on
    return (
        i < j
        and tokens[i].lower in _QUESTION_WORDS
        and (after is None or goes_on or after.text == ".")
    )


_NOT_IN_A_FILM_PHRASE = FUNCTION_WORDS - {"of", "his", "her", "their", "its", "a", "an", "the"}

_NEVER_ALONE = frozenset({"the", "a", "an", "i", "i've", "i'm", "i'd", "i'll", "jr", "sr", "jnr"})
"""Capitalised words that are no name on their own (articles, the pronoun "I" and its
contractions, a suffix after a comma)."""

_ADJECTIVE_ENDINGS = ("ed", "ic", "al", "ous", "ful", "ive", "ish", "less", "able", "ible")
"""Endings of English adjectives: a single capitalised word so ending that starts a sentence
before a film noun ("Animated sequel X", "Romantic comedy Y") describes the film after it."""


def _article_outside_name(
    sentence: str, tokens: Sequence[Token], i: int, j: int, known: Known
) -> bool:
    """Does the article opening the run ``[i, j]`` belong to the noun phrase around the name, not
    to the name? "The Mike Leigh film", "the Eastline company", "The Brazilian director X", and
    "The Harbour Lights director" in a text that knows the film "Harbour Lights"."""
    if i >= j or tokens[i].lower not in ("the", "a", "an"):
        return False
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    if _film_noun_follows(tokens, j) or after in _COMPANY_NOUNS:
        return True
    rest = sentence[tokens[i + 1].start : tokens[j].end]
    # not "the comedy The Lavender Street Mob": a capital "The" inside a sentence is the
    # title's, though the title is known under its key without it
    if (tokens[i].text == "the" or (i == 0 and tokens[i].text == "The")) and known(rest) == "film":
        return True
    return after in _NOUNS_AFTER_DEMONYM and is_demonym(rest)


_NOUNS_AFTER_DEMONYM = (PERSON_NOUNS | FILM_NOUNS) - {"stars", "features", "release", "story"}
"""Nouns a demonym qualifies ("the French director", "an Italian comedy"); not those that are
also verbs after a title ("The American stars X")."""


def _words(sentence: str, tokens: Sequence[Token], i: int, j: int) -> list[str]:
    return sentence[tokens[i].start : tokens[j].end].split() if i <= j else []


def _first_of(sentence: str, tokens: Sequence[Token], i: int, j: int) -> list[str]:
    """The words of tokens ``i..j`` up to a coordinating "and": the first name of a pair
    ("Briton Clive Owen and Natalie Portman")."""
    words = _words(sentence, tokens, i, j)
    for k, word in enumerate(words):
        if word in ("and", "&"):
            return words[:k]
    return words


def _in_list(tokens: Sequence[Token], i: int) -> bool:
    """Is the run starting at ``i`` a member of a comma list ("A, B and C")?"""
    return i >= 2 and tokens[i - 1].text == "," and tokens[i - 2].cap


def _list_goes_on(tokens: Sequence[Token], j: int) -> bool:
    """Does a comma list go on after the run ending at ``j`` ("A, Romeo and Juliet, B and C")?
    Then an "and" inside the run is no list's last "and": it belongs to a title."""
    return j + 2 < len(tokens) and tokens[j + 1].text == "," and tokens[j + 2].cap


def _known_prefix(sentence: str, tokens: Sequence[Token], i: int, j: int, known: Known) -> int:
    """Cut a run after the longest known film it starts with, when a colon or dash and a
    heading's words follow ("Dead Reckoning Part One: Cast, Summary" in a heading). A subtitle
    after a known title stays ("Mission: Impossible – Dead Reckoning Part One" is one title
    though a store knows "Mission: Impossible")."""
    if j - i < 2 or not any(t.text in (":", "–", "-") for t in tokens[i + 2 : j + 1]):
        return j  # no heading's tail to cut (the name's kind is then not asked)
    if known(sentence[tokens[i].start : tokens[j].end]) is not None:
        return j
    for k in range(j - 1, i, -1):
        if (
            tokens[k + 1].text in (":", "–", "-")
            and all(t.lower in _HEADING_WORDS for t in tokens[k + 2 : j + 1] if t.kind == "word")
            and known(sentence[tokens[i].start : tokens[k].end]) == "film"
        ):
            return k
    return j


_HEADING_WORDS = frozenset(
    {"cast", "summary", "release", "date", "dates", "review", "reviews", "trailer", "trailers",
     "plot", "interview", "ending", "explained", "box", "office", "news", "exclusive", "first",
     "look", "clip", "clips", "featurette", "details", "recap", "premiere", "photos", "pictures",
     "images", "poster", "teaser", "soundtrack", "update", "updates", "spoilers", "synopsis"}
)  # fmt: skip
"""Words of a heading's tail after a title ("F: Cast, Summary, Release Date")."""


def _film_noun_follows(tokens: Sequence[Token], j: int) -> bool:
    for k in range(j + 1, min(j + 4, len(tokens))):
        low = tokens[k].lower
        if low in FILM_NOUNS or low in ("co-production", "production", "project", "co-star"):
            return True
        if tokens[k].kind != "word" or tokens[k].cap or low in FUNCTION_WORDS:
            return False
    return False


_LEADING_PREPOSITIONS = frozenset({"in", "on", "at", "for", "from", "with", "to", "of", "by"})
"""Lower-case words that never begin a name after a possessive ("Alving's in Cold Water")."""


_SPLIT_WORDS = frozenset(
    {"-", "–", "—", "and", "&", "of", "at", "in", "on", "for", "from", "with", "to", "vs", "vs."}
)
"""The tokens (besides a possessive mark) :func:`_split` may cut a run at."""


def _split(
    sentence: str,
    tokens: Sequence[Token],
    i: int,
    j: int,
    known: Known,
    film: Callable[[str], bool] | None = None,
) -> list[tuple[int, int]]:
    """Split a run at a possessive after a person, company or place, at a coordinating "and",
    and at a preposition between a name and a place or event ("Golden Bear at the Berlin ...").
    ``film``: is a name a film the store knows (one word too: "Collateral and Ray" is two)?"""
    if j - i < 2 or (
        _SPLIT_WORDS.isdisjoint(t.text for t in tokens[i + 1 : j])
        and not any(t.kind == "poss" for t in tokens[i + 1 : j])
    ):
        return [(i, j)]  # nothing to split at (the name's kind is then not asked)
    whole = sentence[tokens[i].start : tokens[j].end]
    if known(whole):
        return [(i, j)]
    for k in range(i + 1, j):
        tok = tokens[k]
        if tok.kind == "poss":
            words = _words(sentence, tokens, i, k - 1)
            left = " ".join(words)
            if (
                known(left) in ("person", "org")
                or _person_like(words)
                or _person_like(_words(sentence, tokens, k + 1, j))  # "Ray's Jamie Foxx"
                or (2 <= len(words) <= 3 and _namey(words) and is_given_name(words[0]))
                or (  # "director Fenna Roe's Salt Road": the noun says whose it is
                    i > 0
                    and tokens[i - 1].lower in PERSON_NOUNS
                    and 1 <= len(words) <= 3
                    and _namey(words)
                )
                or nonfilm_kind(left) is not None
                or (len(words) == 1 and _surname_like(left, known))
            ):
                a = k + 1  # "Alving's in Cold Water": the name after starts at "Cold"
                while a <= j and tokens[a].text in _LEADING_PREPOSITIONS:
                    a += 1
                return [
                    (i, k - 1),
                    *(_split(sentence, tokens, a, j, known, film) if a <= j else []),
                ]
        if tok.text in ("-", "–", "—") and _person_like(_words(sentence, tokens, i, k - 1)):
            # "Best actor: Jamie Foxx - Ray": a person, then the film (not one title)
            return [(i, k - 1), *_split(sentence, tokens, k + 1, j, known, film)]
        if tok.text in ("and", "&"):
            right = tokens[k + 1] if k + 1 <= j else None
            if right is None:
                continue
            if right.text in ("the", "a", "an"):
                left = " ".join(_words(sentence, tokens, i, k - 1))
                if (
                    is_known_org(left)
                    or known(left) in ("org", "person")
                    or nonfilm_kind(left) == "place"  # "between Canada and the United States"
                ):
                    # "Northlight Pictures and the French company X": two names, no article
                    return [(i, k - 1), *_split(sentence, tokens, k + 2, j, known, film)]
                continue  # "Harry Potter and the Prisoner of Azkaban"
            left_words = _words(sentence, tokens, i, k - 1)
            right_words = _words(sentence, tokens, k + 1, j)
            if len(left_words) == 1 and left_words[0].rstrip(".") in HONORIFICS:
                continue  # "Mr and Mrs Smith": a lone honorific is no name of its own
            if (
                i > 0
                and tokens[i - 1].lower in _ONE_SEQUEL_NOUNS
                and right_words[-1] in _SEQUEL_NUMERALS
                and not _person_like(left_words)
            ):
                continue  # "the sequel Salt and Steel II": one sequel, numbered
            if len(left_words) >= 3 and len(right_words) >= 2 and "," not in left_words:
                # "The Joe Louis Story and Gone Are the Days": two long titles, not one
                return [(i, k - 1), *_split(sentence, tokens, k + 1, j, known, film)]
            if (
                left_words[0] in ("The", "A", "An")
                and right.text not in ("The", "A", "An")
                and not _in_list(tokens, i)
                and not _person_like(right_words)
            ):
                continue  # "The Life and Death of Peter Sellers"
            if (
                right.text in ("The", "A", "An")  # "Falling Down and The Phantom of the Opera"
                or _person_like(left_words)
                or _person_like(right_words)
                or (_in_list(tokens, i) and not _list_goes_on(tokens, j))
                or (
                    film is not None
                    and film(" ".join(left_words))
                    and film(" ".join(right_words))
                    and not film(whole)
                )
                or len(left_words) >= 2
                or len(right_words) >= 2
                or known(" ".join(left_words)) is not None
                or known(" ".join(right_words)) is not None
                or nonfilm_kind(" ".join(left_words)) is not None
                or nonfilm_kind(" ".join(right_words)) == "place"  # "L'Esquive and France's ..."
            ):
                return [(i, k - 1), *_split(sentence, tokens, k + 1, j, known, film)]
        if (  # "The premiere in Berlin of Salt Road": a place, then the film
            tok.text == "of"
            and i > 0
            and tokens[i - 1].lower == "in"
            and nonfilm_kind(" ".join(_words(sentence, tokens, i, k - 1))) in ("place", "event")
        ):
            return [(i, k - 1), *_split(sentence, tokens, k + 1, j, known, film)]
        if (  # "Filming has begun in (the) Cornwall on Salt Road": where, then what is shot
            tok.text == "on"
            and i > 1
            and (
                (tokens[i - 1].lower == "in" and tokens[i - 2].lower in _SHOOTING_UNDER_WAY)
                or (
                    i > 2
                    and tokens[i - 1].lower == "the"
                    and tokens[i - 2].lower == "in"
                    and tokens[i - 3].lower in _SHOOTING_UNDER_WAY
                )
            )
        ):
            return [(i, k - 1), *_split(sentence, tokens, k + 1, j, known, film)]
        if tok.text == "of" and _person_like(_words(sentence, tokens, i, k - 1)):
            org = " ".join(_words(sentence, tokens, k + 1, j))
            if is_known_org(org) or nonfilm_kind(org) == "org":  # "Dan Brody of Northgate Films"
                return [(i, k - 1), *_split(sentence, tokens, k + 1, j, known, film)]
        if tok.text in ("at", "in", "on", "for", "from", "with", "to", "vs", "vs."):
            left_words = _words(sentence, tokens, i, k - 1)
            right_words = _words(sentence, tokens, k + 1, j)
            bare_right = right_words[1:] if right_words[:1] == ["the"] else right_words
            right_head = list(itertools.takewhile(lambda w: not w.islower(), bare_right))
            if (
                i > 0
                and tok.text in ("for", "to", "with")
                and len(left_words) == 1
                and len(left_words[0]) > 5
                and left_words[0].endswith("ing")
                and known(left_words[0]) is None
                and nonfilm_kind(left_words[0]) is None
                and nonfilm_kind(" ".join(bare_right)) is None
                and not is_known_org(" ".join(bare_right))
            ):
                continue  # "directed Searching for Bobby Fischer": a title opening with a gerund
            if _subtitle_to_place(tokens, i, k):
                continue  # "Holiday From Hell 2: Back to Benidorm": a subtitle holds the place
            if (
                tok.text in ("to", "from")
                and len(left_words) == 1
                and left_words[0] in _JOURNEY_HEADS
            ):
                continue  # "Welcome to Nollywood", "Escape from Alcatraz": a title's place
            if _title_with_place(tokens, i, j, left_words, bare_right, known):
                continue  # "the thriller Lovesick in Lisbon", "Murder in Cairo, directed by P"
            if (
                nonfilm_kind(" ".join(left_words)) is not None
                or nonfilm_kind(" ".join(bare_right)) is not None
                or (
                    0 < len(right_head) < len(bare_right)
                    and nonfilm_kind(" ".join(right_head)) in ("place", "event", "time")
                )
                or (
                    tok.text in ("in", "for")
                    and _character_slot(tokens, i)
                    and len(left_words) <= 3
                )
                or (tok.text == "on" and _companion_slot(tokens, i) and len(left_words) <= 3)
                or _person_like(left_words)
                or (  # "Londoner Ash Mehta with F": a person from a place, then a title
                    left_words[0].lower() in DEMONYM_NOUNS
                    and 2 <= len(left_words) <= 4
                    and all(w[:1].isupper() for w in left_words[1:])
                )
                or _person_like(right_words)
                or known(" ".join(left_words)) == "person"
                or is_known_org(" ".join(bare_right))
                or (bare_right[-1:] and bare_right[-1].endswith("+"))
                or (tok.text == "on" and nonfilm_kind(right_words[0]) == "time")  # "on August 14"
                or (tok.text in ("for", "from") and _month_day(right_words))  # "F from July 4"
                or (tok.text == "for" and _prize_went_to(tokens, i))  # "went to P for F"
            ):
                a = k + 2 if tokens[k + 1].text == "the" else k + 1
                return [(i, k - 1), *_split(sentence, tokens, a, j, known, film)]
    return [(i, j)]


_ONE_SEQUEL_NOUNS = frozenset({"sequel", "follow-up", "prequel", "instalment", "installment"})
"""Nouns for one later film of a series: the numbered title after them is one title."""
_SEQUEL_NUMERALS = frozenset({"II", "III", "IV", "V", "2", "3", "4", "5", "Two", "Three", "Four"})
"""The last words of a numbered sequel's title."""

_MADE_BY_PARTICIPLES = frozenset({"directed", "co-directed", "written", "produced", "helmed"})
"""Participles of a film's credit after its title ("F, directed by P")."""


def _title_with_place(
    tokens: Sequence[Token],
    i: int,
    j: int,
    left_words: Sequence[str],
    right_words: Sequence[str],
    known: Known,
) -> bool:
    """Is the run ``i..j``, up to three plain words, a preposition and a place or a time
    ("Lovesick in Lisbon", "Seventeen Days in May"), a title as a whole? It is when a film's
    credit follows it (", directed by", ", which was directed by", ", starring"), or, for one
    word, when a film noun stands before it. "Bogart in Casablanca" and "Oscar in Hollywood" open
    with a person or a non-film and are not asked.

    >>> toks = tokenize("the thriller Lovesick in Lisbon opens")
    >>> _title_with_place(toks, 2, 4, ["Lovesick"], ["Lisbon"], lambda name: None)
    True
    >>> toks = tokenize("Murder in Cairo, which was directed by Ann Lee")
    >>> _title_with_place(toks, 0, 2, ["Murder"], ["Cairo"], lambda name: None)
    True
    >>> toks = tokenize("The premiere in Lisbon was a triumph")
    >>> _title_with_place(toks, 1, 3, ["Premiere"], ["Lisbon"], lambda name: None)
    False
    >>> toks = tokenize("the drama Long Valley for Summit Studios")
    >>> _title_with_place(toks, 2, 6, ["Long", "Valley"], ["Summit", "Studios"], lambda n: None)
    False
    """
    if not right_words or nonfilm_kind(" ".join(right_words)) not in ("place", "time"):
        return False  # "the drama The Long Valley for Summit Studios": a company, two names
    left = " ".join(left_words)
    if not 1 <= len(left_words) <= 3 or known(left) is not None or _person_like(left_words):
        return False
    if nonfilm_kind(left) is not None or is_given_name(left_words[0]):
        return False
    if (_after_film_noun(tokens, i) and len(left_words) == 1) or _starring_after(tokens, j):
        return True  # not "his new movie Iron Meadow in Belfast": where it was shot
    k = j + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k + 1 < len(tokens) and tokens[k].lower == "which" and tokens[k + 1].lower in ("was", "is"):
        k += 2
    return (
        k + 1 < len(tokens)
        and tokens[k].lower in _MADE_BY_PARTICIPLES
        and tokens[k + 1].lower == "by"
    )


def _prize_went_to(tokens: Sequence[Token], i: int) -> bool:
    """Does a prize go to the name at ``i`` ("Best director went to Mexico's P for F")? Then a
    "for" in it is the prize's reason: a person, then a film.

    >>> _prize_went_to(tokenize("The prize went to Mexico's Teo Villa for Dust Road"), 4)
    True
    """
    back = [t.lower for t in tokens[max(0, i - 4) : i]]
    return any(
        back[k] == "to" and back[k - 1] in ("went", "goes", "go", "gone", "going")
        for k in range(1, len(back))
    )


_JOURNEY_HEADS = frozenset(
    {"Welcome", "Return", "Escape", "Journey", "Passage", "Road", "Voyage", "Flight", "Letter",
     "Letters", "Postcards", "Postcard", "Trip", "Mission", "Homecoming", "Runaway", "Exile"}
)  # fmt: skip
"""Words that open a title with a place after "to" or "from" ("Welcome to Nollywood", "Escape
from Alcatraz", "Passage to India"): the place belongs to the title."""


def _subtitle_to_place(tokens: Sequence[Token], i: int, k: int) -> bool:
    """Is the preposition at ``k`` inside a title's subtitle, one or two words after a colon
    that follows a title's number or name ("Holiday From Hell 2: Back to Benidorm", "Kings of
    the Road: Escape from Sicily")? Its place is then part of the title, not where it is.

    >>> _subtitle_to_place(tokenize("Holiday From Hell 2: Back to Benidorm"), 0, 6)
    True
    >>> _subtitle_to_place(tokenize("Best Director: Mike Leigh in London"), 0, 5)
    False
    """
    colon = next((c for c in range(k - 1, i, -1) if tokens[c].text == ":"), None)
    if colon is None or tokens[k].text not in ("to", "from") or not 1 <= k - colon - 1 <= 2:
        return False
    head = [t.text for t in tokens[i:colon]]
    between = [t for t in tokens[colon + 1 : k]]
    return (
        all(t.cap for t in between)
        and not _person_like([t.text for t in between])
        and not _person_like(head)
        and nonfilm_kind(" ".join(head)) is None
    )


_SHOOTING_UNDER_WAY = frozenset(
    {"begun", "began", "begin", "begins", "started", "starts", "start", "starting", "resumed",
     "resumes", "continues", "continued", "wrapped", "way", "filming", "shooting", "underway"}
)  # fmt: skip
"""Words before "in X on Y" that make X the place where Y is shot ("Filming has begun in
Cornwall on Salt Road", "shooting in Wales on F"), not one title ("Death on the Nile")."""


def _month_day(words: Sequence[str]) -> bool:
    """Do ``words`` start with a month and a number, after "a"/"the" ("July 4", "a March 3")? A
    title does not end in "for" or "from" there ("dated Glass Acre for July 4", "streams Glass
    Acre from June 5"; "Home for Christmas" does).

    >>> _month_day(["a", "March", "3"]), _month_day(["Christmas"])
    (True, False)
    """
    if words[:1] in (["a"], ["the"]):
        words = words[1:]
    return len(words) > 1 and nonfilm_kind(words[0]) == "time" and words[1][:1].isdigit()


_CHARACTER_CUES = frozenset(
    {
        "as",
        "playing",
        "plays",
        "played",
        "play",
        "portraying",
        "portrays",
        "portrayed",
        "voicing",
        "character",
        "cast",
        "recast",
    }
)


_COMPANION_CUES = frozenset({"alongside", "opposite", "co-star", "co-stars", "costar", "costars"})
"""Words before a co-star's name ("starred alongside Bram Tolle in Larch Hollow")."""
_WORKED_WITH = frozenset(
    {
        "starred",
        "stars",
        "starring",
        "appeared",
        "appears",
        "appearing",
        "acted",
        "acts",
        "worked",
        "works",
        "working",
        "reunited",
        "reunites",
        "teamed",
        "teams",
    }
)
"""Verbs after which "with" names a co-worker ("appeared with Bram Tolle in Larch Hollow")."""


def _companion_slot(tokens: Sequence[Token], i: int) -> bool:
    """Does the run at ``i`` name a co-star or co-worker ("alongside Bram Tolle in Larch
    Hollow", "worked with Ada Wren on Gull Point")? Then "in" or "on" ends the name.

    >>> _companion_slot(tokenize("She starred alongside Bram Tolle in Larch Hollow"), 3)
    True
    >>> _companion_slot(tokenize("She fell in love with Love in the Afternoon"), 5)
    False
    """
    if i == 0:
        return False
    before = tokens[i - 1].lower
    return before in _COMPANION_CUES or (
        before == "with" and i >= 2 and tokens[i - 2].lower in _WORKED_WITH
    )


def _character_slot(tokens: Sequence[Token], i: int) -> bool:
    """Does the run at ``i`` stand where a character or a cast member is named ("as Ida in
    Harbour Lights", "the role of Ida in ...", "has cast Ann Lee in ...", "alongside Bram Tolle
    in ...")? Then "in" ends the name and a title follows."""
    if i == 0:
        return False
    before = tokens[i - 1].lower
    if before in _CHARACTER_CUES or _companion_slot(tokens, i):
        return True
    if i >= 2 and tokens[i - 2].lower in _CHARACTER_CUES and tokens[i - 1].text[:1].isupper():
        return True  # "as Queen Maud in ...": a rank or title word before the character's name
    k = i - 2 if tokens[i - 1].cap else i - 1  # "Queen" of "the young Queen Mara"
    low = k
    while (
        k > 0
        and k >= low - 2
        and tokens[k].kind == "word"
        and not tokens[k].cap
        and tokens[k].lower not in _CHARACTER_CUES
    ):
        k -= 1  # "as the young Queen Mara in ...": a determiner and adjectives before the name
    if k < low and tokens[k].lower in _CHARACTER_CUES and tokens[k + 1].lower in ("the", "a", "an"):
        return True
    return before == "of" and i >= 2 and tokens[i - 2].lower in ("role", "part")


def _surname_like(word: str, known: Known) -> bool:
    return known(word) == "person"


_FILM_ONLY_NOUNS = frozenset({"film", "movie", "feature", "blockbuster", "flick"})
"""Film nouns a broadcaster may come before and still name a film ("the BBC film X")."""


_APPOSITION_DETERMINERS = frozenset(
    {"the", "this", "his", "her", "their", "its", "new", "latest", "debut", "first", "last"}
)
"""Words before a film noun whose apposition names the film ("the film, A Different Story,")."""


def _tv_word(token: Token) -> bool:
    """Does ``token`` say television before a genre noun ("TV drama", "BBC comedy")?

    >>> _tv_word(tokenize("BBC")[0]), _tv_word(tokenize("TV")[0]), _tv_word(tokenize("Disney")[0])
    (True, True, False)
    """
    return token.lower in TV_WORDS or token.text in TV_NETWORKS


_SCREEN_WORDS = frozenset({"film", "movie", "animated", "screen", "big-screen", "cartoon"})
"""Words before a stage noun that put it on screen: "the film musical X", "animated musical X"."""
_SCREEN_SERIES_NOUNS = frozenset(
    {"series", "serial", "show", "sitcom", "trilogy", "franchise", "saga"}
)
"""Nouns of :data:`NONFILM_BEFORE` that stay a run of episodes or films after a screen word: "the
animated series X" names no film, as "the animated musical X" does."""


def _screen_version_of(tokens: Sequence[Token], first: int) -> bool:
    """Is the work named at ``first`` (after a noun such as "musical" or "novel") the source of a
    film of the same name: "the film version of the musical X", "the film of the novel X"? The
    film takes the work's title, so the name there is the film's.

    >>> _screen_version_of(tokenize("in the film version of the musical Sweeney Todd"), 7)
    True
    >>> _screen_version_of(tokenize("in the stage version of the musical Sweeney Todd"), 7)
    False
    """
    if first < 5 or tokens[first - 2].lower not in ("the", "a", "his", "her", "their"):
        return False
    if tokens[first - 3].lower != "of":
        return False
    head = tokens[first - 4].lower
    return head in ("film", "movie") or (
        head in ("version", "adaptation") and tokens[first - 5].lower in _SCREEN_WORDS
    )


def _starring_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` followed by "(, ) starring" and a name? Then it is a film:
    "starring X" says what a film does ("starring in", "starring as" have no capital next)."""
    k = last + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    return (
        k + 1 < len(tokens) and tokens[k].lower in ("starring", "co-starring") and tokens[k + 1].cap
    )


def _directed_by_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` followed by ", (written and) directed by" and a name?

    >>> _directed_by_after(tokenize("Ann Goes West, directed by Tom Vail, won"), 2)
    True
    """
    k = last + 1
    if k >= len(tokens) or tokens[k].text != ",":
        return False
    k += 1
    if k + 2 < len(tokens) and tokens[k + 1].lower == "and" and tokens[k].lower == "written":
        k += 2
    return (
        k + 2 < len(tokens)
        and tokens[k].lower in ("directed", "co-directed")
        and tokens[k + 1].lower == "by"
        and tokens[k + 2].cap
    )


def _box_office_verb_at(tokens: Sequence[Token], last: int) -> int:
    """Where the verb of a box-office predicate would be after the name ending at ``last``: past
    "has", "also", "still" ("X has also topped ..."); ``len(tokens)`` at the sentence's end."""
    k = last + 1
    while k < len(tokens) and tokens[k].lower in ("has", "have", "had", "again", "also", "still"):
        k += 1
    return k


def _box_office_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of "topped / led / opened at ... the box
    office"? Then it is a film: "Red Moon 2 has topped the North American box office".

    >>> _box_office_after(tokenize("Red Moon 2 has topped the North American box office"), 2)
    True
    >>> _box_office_after(tokenize("Red Moon said the box office was weak"), 1)
    False
    >>> _box_office_after(tokenize("Red Moon held on to the top spot at the US box office"), 1)
    True
    >>> _box_office_after(tokenize("Red Moon took $40m in its opening weekend"), 1)
    True
    """
    k = _box_office_verb_at(tokens, last)
    if k < len(tokens) and tokens[k].lower in _GROSS_VERBS and _takings(tokens, k + 1):
        return True
    if k >= len(tokens) or tokens[k].lower not in _BOX_OFFICE_VERBS:
        return False
    window = [t.lower for t in tokens[k + 1 : k + 12]]
    for at, word in enumerate(window):
        if word in (",", ".", ";", ":"):
            return False  # "Red Moon led, the box office ...": another clause
        if word == "box-office" or (word == "box" and window[at + 1 : at + 2] == ["office"]):
            return True
    return False


def _cinema_release_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a release in cinemas ("opens in cinemas",
    "hits UK cinemas", "is released in US theaters", "will arrive in cinemas")? Then it is a
    film: plays open in *a* theatre, books and albums reach shops, series go to air.

    >>> _cinema_release_after(tokenize("Cold Harbour opens in UK cinemas on Friday"), 1)
    True
    >>> _cinema_release_after(tokenize("Cold Harbour opens at the Old Vic theatre"), 1)
    False
    >>> _cinema_release_after(tokenize("Cold Harbour opens it in 400 theaters"), 1)
    False
    """
    window = _after_verb(tokens, last, _CINEMA_RELEASE_VERBS, 5)
    if window and window[0] in ("it", "them"):
        return False  # "O opens it in 400 theaters": the one who releases, not the film
    return any(word in _CINEMA_WORDS for word in window) or "big screen" in " ".join(window)


def _film_to_be_made_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` followed by ", to be directed by", ", to be shot in" and
    the like: a film still to be made? Books and albums are not directed or shot.

    >>> _film_to_be_made_after(tokenize("P joins Salt Road, to be directed by Q"), 3)
    True
    >>> _film_to_be_made_after(tokenize("P joins Salt Road, to be published by Q"), 3)
    False
    """
    words = [t.lower for t in tokens[last + 1 : last + 6]]
    return (
        len(words) == 5
        and words[:3] == [",", "to", "be"]
        and words[3] in _MADE_PARTICIPLES
        and words[4] in ("by", "in", "on", "at", "from", "next", "this", "later")
    )


_TO_BE_FILMED_AUXILIARIES = frozenset(
    {"is", "are", "was", "has", "have", "will", "to", "be", "been", "being", "also", "now", "finally"}
)  # fmt: skip
"""Words between a work and "made into a film" ("is also to be", "has finally been")."""
_MADE_INTO_FILM_ENDS = frozenset({"film", "movie"})
"""The nouns "made into a (feature) ..." ends with."""


def _made_into_a_film_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the work ending at ``last`` (a novel, a play, a game) "to be made into a film", "being
    turned into a feature film", with no other title given? Then the film takes its title.

    >>> _made_into_a_film_after(tokenize("the novel Grey Harbour is to be made into a film"), 3)
    True
    >>> _made_into_a_film_after(tokenize("the game Hollow Point was turned into a feature film"), 3)
    True
    >>> _made_into_a_film_after(tokenize("the novel Grey Harbour was made into the film Fog"), 3)
    False
    """
    k = last + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    start = k
    while k < len(tokens) and k - start < 4 and tokens[k].lower in _TO_BE_FILMED_AUXILIARIES:
        k += 1
    if k == start or k + 2 >= len(tokens) or tokens[k].lower not in ("made", "turned", "adapted"):
        return False
    if tokens[k + 1].lower != "into" or tokens[k + 2].lower not in ("a", "an"):
        return False
    for at in range(k + 3, min(k + 6, len(tokens))):
        if tokens[at].lower in _MADE_INTO_FILM_ENDS:
            after = tokens[at + 1] if at + 1 < len(tokens) else None
            return after is None or not (after.cap or after.lower in ("called", "titled"))
        if tokens[at].cap or tokens[at].kind != "word":
            return False
    return False


_MADE_PARTICIPLES = frozenset({"directed", "co-directed", "helmed", "shot", "filmed"})
"""What is done to a film still to be made, not to a book, an album or a series."""


def _tv_audience_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a television audience ("was watched by 8
    million viewers", "drew 5m viewers")? Then it is a programme, whatever "the drama" later says.

    >>> _tv_audience_after(tokenize("Harbour Lane was watched by 8 million viewers"), 1)
    True
    >>> _tv_audience_after(tokenize("Harbour Lane was seen by critics as a triumph"), 1)
    False
    """
    window = _after_verb(tokens, last, _AUDIENCE_VERBS, 6)
    return "viewers" in window and "cinema" not in window and "cinemas" not in window


def _tv_run_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a television run ("returns to BBC One on
    Sunday", "airs on ITV", "returns for a fourth series", "is back for a second season")?
    Then it is a programme.

    >>> _tv_run_after(tokenize("Harbour Lane returns to BBC One on Sunday"), 1)
    True
    >>> _tv_run_after(tokenize("Harbour Lane returns for a fourth series"), 1)
    True
    >>> _tv_run_after(tokenize("Harbour Lane returns to cinemas in May"), 1)
    False
    """
    k = _verb_after(tokens, last)
    if k is None or tokens[k].lower not in _BROADCAST_VERBS:
        return False
    window = tokens[k + 1 : k + 6]
    if len(window) >= 2 and window[0].lower in ("to", "on") and _tv_word(window[1]):
        return True
    words = [t.lower for t in window]
    return "for" in words[:1] and ("series" in words or "season" in words)


def _stage_run_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a run on stage ("X, which ran for two years
    at the Aldwych Theatre", "X opened on Broadway", "X transferred to the West End")? Then it
    is a play or a musical ("opened in 3,000 theaters" is a film's: the theatre must be named).

    >>> _stage_run_after(tokenize("Mud Larks, which ran for two years at the Aldwych Theatre"), 1)
    True
    >>> _stage_run_after(tokenize("Mud Larks opened in 3,000 theaters on Friday"), 1)
    False
    """
    k = _verb_after(tokens, last)
    if k is not None and tokens[k].text == "," and k + 1 < len(tokens):
        if tokens[k + 1].lower not in ("which", "that"):
            return False
        k = _verb_after(tokens, k + 1)
    if k is None or tokens[k].lower not in _STAGE_RUN_VERBS:
        return False
    window = tokens[k + 1 : k + 10]
    for i, tok in enumerate(window):
        if tok.text in (".", ";", "("):
            return False
        if tok.lower in ("theatre", "theater") and tok.cap:  # "the Aldwych Theatre"
            return True
        if tok.lower in ("broadway", "off-broadway") or (
            tok.lower == "west" and i + 1 < len(window) and window[i + 1].lower == "end"
        ):
            return True
    return False


_STAGE_RUN_VERBS = frozenset(
    {"ran", "runs", "running", "played", "plays", "opened", "opens", "transferred", "transfers",
     "moved", "moves", "premiered", "premieres"}
)  # fmt: skip


_BROADCAST_VERBS = frozenset(
    {"returns", "returned", "return", "returning", "airs", "aired", "air", "airing", "moves",
     "moved", "transfers", "transferred", "back", "comes", "came", "renewed",
     "screens", "screened", "broadcast", "broadcasts"}
)  # fmt: skip

_AUDIENCE_VERBS = frozenset(
    {"watched", "seen", "viewed", "drew", "draws", "attracted", "attracts", "pulled", "pulls",
     "averaged", "averages", "peaked"}
)  # fmt: skip


def _film_honour_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a film prize or a film festival screening
    ("has been nominated for five Oscars", "won the Palme d'Or", "leads the Oscar race",
    "premiered at the Sundance Film Festival")? Then it is a film.

    >>> _film_honour_after(tokenize("Salt Road has been nominated for five Oscars"), 1)
    True
    >>> _film_honour_after(tokenize("Salt Road has been nominated for a Grammy"), 1)
    False
    """
    window = _after_verb(tokens, last, _HONOUR_VERBS, 8)
    if not _FILM_HONOURS.isdisjoint(window):
        return True
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(window)}
    return not _FILM_HONOUR_PAIRS.isdisjoint(pairs)


def _series_honour_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a television prize ("was named best drama
    series", "won best limited series")? Then it is a programme.

    >>> _series_honour_after(tokenize("Salt Road was named best drama series"), 1)
    True
    >>> _series_honour_after(tokenize("Salt Road was named best film"), 1)
    False
    """
    window = _after_verb(tokens, last, _SERIES_HONOUR_VERBS, 5)
    if "best" not in window:
        return False
    after_best = window[window.index("best") + 1 :]
    return any(word in ("series", "miniseries", "mini-series", "sitcom") for word in after_best[:3])


_SERIES_HONOUR_VERBS = frozenset({"named", "won", "wins", "took", "takes", "picked", "scooped"})


_HONOUR_VERBS = frozenset(
    {"won", "wins", "win", "nominated", "scooped", "scoops", "earned", "earns", "received",
     "receives", "leads", "led", "premiered", "premieres", "screened", "screens", "debuted",
     "debuts", "picked", "took", "takes", "collected", "bagged", "landed", "dominated",
     "dominates", "swept", "sweeps"}
)  # fmt: skip
_FILM_HONOURS = frozenset(
    {"oscar", "oscars", "palme", "sundance", "cannes", "berlinale", "tribeca", "sxsw"}
)
_FILM_HONOUR_PAIRS = frozenset(
    {"academy award", "academy awards", "film festival", "golden bear", "golden lion",
     "best picture", "best film"}
)  # fmt: skip
"""Prizes and festivals only films get: the Oscars (not the Baftas or the Globes, which
television shares), "best picture", a film festival."""


def _film_predicate_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a copula whose noun phrase is headed by
    "film" or "movie" ("has become the most successful Indian film", "is the first film to")?

    >>> _film_predicate_after(tokenize("Salt Road has become the most successful Indian film"), 1)
    True
    >>> _film_predicate_after(tokenize("Salt Road is in the film"), 1)
    False
    >>> _film_predicate_after(tokenize("Salt Road is the film's studio"), 1)
    False
    >>> _film_predicate_after(tokenize("Fjord Pictures is a Norwegian film production company"), 1)
    False
    """
    k = last + 1
    while k < len(tokens) and tokens[k].lower in _COPULA_AUXILIARIES:
        k += 1
    if k == last + 1 or tokens[k - 1].lower not in _COPULAS or k >= len(tokens):
        return False
    if tokens[k].lower not in ("the", "a", "an"):
        return False
    for at in range(k + 1, min(k + 6, len(tokens))):
        token = tokens[at]
        if token.lower in ("film", "movie"):  # the phrase's head: not "film production company"
            after = tokens[at + 1] if at + 1 < len(tokens) else None
            return after is None or after.kind == "punct" or after.lower in _AFTER_A_HEAD
        if token.kind != "word" or token.lower in _PHRASE_BREAKS:
            return False
    return False


_PHRASE_BREAKS = frozenset(
    {"of", "in", "on", "for", "with", "by", "to", "from", "at", "about", "and", "or", "that",
     "which", "who", "but", "as"}
)  # fmt: skip
"""Words that end the noun phrase a copula gives (before its head could be "film")."""
_AFTER_A_HEAD = _PHRASE_BREAKS | frozenset(
    {"ever", "directed", "written", "starring", "released", "made", "since", "yet", "this"}
)
"""Words after "film" that show it heads its noun phrase ("the first film to", "the biggest film
ever"), unlike a noun after it ("a film production company", "the film's star")."""
_COPULAS = frozenset({"is", "was", "become", "became", "becomes", "remains", "remained"})
"""Verbs that give their subject the noun phrase after them."""


_PREDICATE_CUES: tuple[tuple[Callable[[Sequence[Token], int], bool], str, str], ...] = (
    (_box_office_after, "film", "subject of 'topped the box office'"),
    (_tv_audience_after, "nonfilm", "after 'tv audience'"),
    (_tv_run_after, "nonfilm", "after 'tv run'"),
    (_stage_run_after, "nonfilm", "after 'stage run'"),
    (_series_honour_after, "nonfilm", "subject of 'named best drama series'"),
    (_film_honour_after, "film", "subject of 'won an Oscar'"),
    (_cinema_release_after, "film", "subject of 'opens in cinemas'"),
    (_film_to_be_made_after, "film", "before ', to be directed by'"),
    (_film_predicate_after, "film", "subject of 'is the ... film'"),
)
"""What the predicate after an unknown name makes it, first match wins: (cue, kind, why)."""


def _predicate_cue_verb_after(tokens: Sequence[Token], last: int) -> bool:
    """Does a verb one of the :data:`_PREDICATE_CUES` reads follow the name ending at ``last``?
    Each cue needs its verb there (most names have none: the cues are then not tried)."""
    k = _verb_after(tokens, last)
    if k is not None and (
        tokens[k].lower in _CUE_VERBS
        or tokens[k].text == ","
        or tokens[k].lower in _STAGE_RUN_VERBS
        or tokens[k].lower in _SERIES_HONOUR_VERBS
    ):
        return True
    if k is not None and (tokens[k].lower in _COPULAS or tokens[k - 1].lower in _COPULAS):
        return True  # "X has become the most successful Indian film", "X is the first film"
    k = _box_office_verb_at(tokens, last)
    return k < len(tokens) and (
        tokens[k].lower in _GROSS_VERBS or tokens[k].lower in _BOX_OFFICE_VERBS
    )


def _after_verb(
    tokens: Sequence[Token], last: int, verbs: AbstractSet[str], width: int
) -> list[str]:
    """The ``width`` lower-cased words after the verb that follows the name ending at ``last``
    (past auxiliaries), when that verb is one of ``verbs``; else no words."""
    k = _verb_after(tokens, last)
    if k is None or tokens[k].lower not in verbs:
        return []
    return [t.lower for t in tokens[k + 1 : k + 1 + width]]


def _verb_after(tokens: Sequence[Token], last: int) -> int | None:
    """The index of the first word after ``last`` past auxiliaries and adverbs ("will finally
    be", "is set to"); ``None`` at the end of the sentence."""
    k = last + 1
    while k < len(tokens) and tokens[k].lower in _RELEASE_AUXILIARIES:
        k += 1
    return k if k < len(tokens) else None


_RELEASE_AUXILIARIES = frozenset(
    {"has", "have", "had", "will", "is", "was", "are", "were", "be", "been", "finally", "also",
     "now", "to", "set", "due", "expected", "scheduled", "slated", "shall", "should"}
)  # fmt: skip
_COPULA_AUXILIARIES = _RELEASE_AUXILIARIES | {"become", "became"}
"""What :func:`_film_predicate_after` reads past before the noun phrase ("has become")."""
_CINEMA_RELEASE_VERBS = frozenset(
    {"opens", "opened", "open", "opening", "hits", "hit", "hitting", "arrives", "arrived",
     "arrive", "arriving", "released", "release", "comes", "came", "come", "coming", "reaches",
     "reached", "reach", "returns", "returned", "return", "premieres", "premiered", "premiere",
     "debuts", "debuted", "debut", "lands", "landed", "land", "goes", "went", "go"}
)  # fmt: skip
_CINEMA_WORDS = frozenset({"cinemas", "cinema", "theaters", "theatres", "multiplexes", "screens"})
"""A release in cinemas: "cinema" alone ("comes to cinema screens"), never "theatre" alone."""


def _takings(tokens: Sequence[Token], at: int) -> bool:
    """Is ``at`` a sum of money ("$40m", "£2.1m") followed within a few words by what a film's
    takings are counted in ("in its opening weekend", "at the box office", "in US cinemas")?"""
    if at >= len(tokens):
        return False
    money = tokens[at].text[:1] in "$£€" or (
        tokens[at].text in ("$", "£", "€") and at + 1 < len(tokens) and tokens[at + 1].kind == "num"
    )
    window = {t.lower for t in tokens[at + 1 : at + 8]}
    return money and not window.isdisjoint(_TAKINGS_WORDS)


_GROSS_VERBS = frozenset(
    {"took", "takes", "grossed", "grosses", "earned", "earns", "made", "makes", "raked", "rakes",
     "pulled", "pulls", "brought", "brings", "collected", "collects"}
)  # fmt: skip
_TAKINGS_WORDS = frozenset(
    {"weekend", "box", "box-office", "cinemas", "theaters", "theatres", "screens", "opening",
     "debut", "release", "worldwide", "globally"}
)  # fmt: skip
"""Words that say a sum is a film's takings ("took $40m in its opening weekend")."""


_BOX_OFFICE_VERBS = frozenset(
    {"topped", "tops", "top", "led", "leads", "lead", "headed", "heads", "remained", "remains",
     "stayed", "stays", "held", "holds", "opened", "opens", "debuted", "debuts", "dominated",
     "dominates", "ruled", "rules", "conquered", "stormed", "storms"}
)  # fmt: skip
"""Verbs whose subject, before "the box office", is a film."""
_VERBS_AFTER_TITLE = (
    _GROSS_VERBS
    | _BOX_OFFICE_VERBS
    | {"has", "had", "is", "was", "will", "won", "wins", "climbed", "climbs", "stars", "starred",
       "follows", "followed", "received", "slipped", "slips", "fell", "falls", "rose", "became",
       "premiered", "screened", "entered", "enters", "dropped", "drops", "moved", "moves", "tells",
       "told", "went", "goes"}
)  # fmt: skip
"""Verbs that may follow a film title as its sentence's verb ("F climbed to seventh"): those of
takings and the box office, and others of a film's fortunes (see :func:`_comma_titles`)."""
_CUE_VERBS = _AUDIENCE_VERBS | _BROADCAST_VERBS | _HONOUR_VERBS | _CINEMA_RELEASE_VERBS
"""The verbs the cues after _box_office_after read (:func:`_after_verb` finds them)."""


_SEQUEL_HEADS = frozenset({"sequel", "prequel", "remake", "follow-up"})
"""Heads that take "to" after them: "X, the sequel to Y"."""

_APPOSITION_HEADS = (
    STRONG_FILM_NOUNS
    - {"films", "movies", "feature", "hit", "animation", "cartoon", "caper", "horror", "adventure",
       "fantasy"}
) | _SEQUEL_HEADS  # fmt: skip
"""Film nouns heading an apposition that says what the name before it is ("X, a new comedy by"):
the lexicon's, less plurals and words that also head other things ("a feature writer", "a hit
with fans", "a horror fan")."""

_STORY_HEADS = frozenset(
    {"romance", "tale", "fable", "saga", "story", "parody", "farce", "mystery", "fantasy",
     "adventure", "horror", "caper", "chiller", "weepie", "melodrama", "romp"}
)  # fmt: skip
"""Nouns for a story told in any medium: they head a film's apposition only before a film's credit."""
_PRODUCTION_HEADS = frozenset({"co-production", "coproduction", "picture", "feature", "piece"})
"""Nouns for a made work that head a film's apposition before a film's credit ("X, the
Estonian-Finnish co-production directed by P")."""
_MADE_FOR_SCREEN_NEXT = frozenset({"directed", "co-directed", "starring", "co-starring"})
"""Credits only a film (or a stage show, whose nouns are not among :data:`_STORY_HEADS`) has."""

_APPOSITION_NEXT = frozenset(
    {"by", "from", "about", "starring", "co-starring", "featuring", "directed", "written",
     "produced", "adapted", "based", "set", "inspired", "voiced", "that", "which", ",", ".",
     ";"}
)  # fmt: skip
"""Words after such a head that end the noun phrase there: "a comedy by", not "a comedy writer"."""


def _film_apposition_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` followed by ", a/an/the/his (adjectives) film noun" or
    ", P's (adjectives) film noun", and a word that closes the noun phrase? Then it is a film:
    "Eden Falls, a new comedy by director X" (a person is no comedy; "X, a comedy writer" and
    "X, the film's star" are not this).

    >>> _film_apposition_after(tokenize("Eden Falls, an offbeat comedy by Tom Vail"), 1)
    True
    >>> _film_apposition_after(tokenize("Blue Avenue, Dan Lee's follow-up to Drumline"), 1)
    True
    >>> _film_apposition_after(tokenize("Eden Falls, a comedy writer, said"), 1)
    False
    >>> _film_apposition_after(tokenize("Glass Harbour, the second film in the Kell trilogy"), 1)
    True
    >>> _film_apposition_after(tokenize("Grace Notes, about a deaf pianist, was"), 1)
    True
    >>> _film_apposition_after(tokenize("Vex 3, the latest instalment of the action franchise,"), 1)
    True
    >>> _film_apposition_after(tokenize("Ann Lee, about a year ago, said"), 1)
    False
    """
    k = last + 2
    if k + 1 >= len(tokens) or tokens[k - 1].text != ",":
        return False
    if (  # "Grace Notes, about a deaf pianist, was written by P": what a work is about
        tokens[k].lower == "about"
        and k + 2 < len(tokens)
        and tokens[k + 1].lower in ("a", "an", "two", "three", "four", "five")
        and tokens[k + 2].lower not in _TIME_NOUNS
        and not (k + 3 < len(tokens) and tokens[k + 3].lower in _TIME_NOUNS)
    ):
        return True
    if tokens[k].lower in ("a", "an", "the", "his", "her", "their"):
        k += 1
    else:  # "Blue Avenue, Dan Lee's follow-up to Drumline": a possessor of up to four words
        owner = k
        while k < len(tokens) and k - owner < 4 and tokens[k].cap:
            k += 1
        if k == owner or k >= len(tokens) or tokens[k].kind != "poss":
            return False
        k += 1
    for at in range(k, min(k + 7, len(tokens) - 1)):
        token = tokens[at]
        if _tv_word(token) or not token.lower[:1].isalpha() or (token.cap and at == k + 4):
            return False  # "a BBC drama", "a TV comedy": not this ("a new Jack the Ripper
            # thriller" is: a name of up to three words may come before the noun)
        if (token.lower in _STORY_HEADS or token.lower in _PRODUCTION_HEADS) and tokens[
            at + 1
        ].lower in _MADE_FOR_SCREEN_NEXT:
            return True  # "X, a wartime romance directed by P": a book is not directed
        if (  # "X, the latest instalment of the action franchise": a film's part of a run
            token.lower in _PART_OF_A_RUN_HEADS
            and tokens[at + 1].lower in ("in", "of")
            and any(t.lower in _FILM_RUN_NOUNS for t in tokens[at + 2 : at + 8])
        ):
            return True
        if token.lower in _APPOSITION_HEADS:
            after = tokens[at + 1].lower
            return (
                after in _APPOSITION_NEXT
                or (after == "to" and token.lower in _SEQUEL_HEADS)
                or (  # "Dark Harbour, a thriller to be directed by P"
                    after == "to" and at + 2 < len(tokens) and tokens[at + 2].lower == "be"
                )
                or (after == "of" and token.lower == "biopic")  # "X, a biopic of Y"
                or (  # "X, the second film in the Kell trilogy"
                    after in ("in", "of")
                    and any(t.lower in _SERIES_NOUNS for t in tokens[at + 2 : at + 8])
                )
            )
    return False


_TIME_NOUNS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
     "hour", "hours", "minute", "minutes", "century", "dozen", "third", "quarter", "half"}
)  # fmt: skip
"""Nouns of "about a year ago", "about a dozen": no subject matter."""

_SERIES_NOUNS = frozenset({"trilogy", "series", "franchise", "saga", "quartet", "cycle"})
"""Nouns of a run of films ("the second film in the Kell trilogy")."""
_PART_OF_A_RUN_HEADS = frozenset({"instalment", "installment", "entry", "chapter", "outing"})
_FILM_RUN_NOUNS = frozenset({"franchise", "trilogy", "saga"})
"""A part of a run of films ("the latest instalment of the action franchise"); not of "the
series", which may be a run of books or of television."""


def _nonfilm_apposition_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` (with a year in brackets after it, or not) followed by ", a
    /the/his (up to three words) show, album, novel, play ..." that closes there? Then it is not
    a film, though a year in brackets or a list of films may make it look like one.

    >>> _nonfilm_apposition_after(tokenize("Live at Marlow (1985), his stand-up show, made him"), 2)
    True
    >>> _nonfilm_apposition_after(tokenize("Eden Falls, a comedy by Tom Vail"), 1)
    False
    >>> _nonfilm_apposition_after(tokenize("Ann Roe, The Game, Common and Kay Bell"), 1)
    False
    >>> _nonfilm_apposition_after(tokenize("He began in Salt Road, a BBC drama."), 4)
    True
    >>> _nonfilm_apposition_after(tokenize("He plays in Ironmasters, the BBC's four-part drama."), 3)
    True
    >>> _nonfilm_apposition_after(tokenize("He plays in Ironmasters, a four-part drama."), 3)
    True
    """
    end = last
    if end + 1 < len(tokens) and tokens[end + 1].text == "(":  # "X (1985), his show"
        close = next(
            (k for k in range(end + 2, min(end + 7, len(tokens))) if tokens[k].text == ")"), None
        )
        if close is None:
            return False
        end = close
    k = apposition_head(tokens, end, NONFILM_WORK_HEADS, _OWNER_DETERMINERS)
    if (
        k is not None
        and not any(t.cap for t in tokens[end + 3 : k + 1])  # "X, The Game, Common": names
        and (k + 1 == len(tokens) or tokens[k + 1].lower in _WORK_HEAD_CLOSERS)
    ):
        return True
    # "Salt Road, a BBC drama,", "Ironmasters, the BBC's four-part drama about ...": a genre noun
    # after a broadcaster (or its possessive), or with a count of parts, is television
    if (
        end + 3 >= len(tokens)
        or tokens[end + 1].text != ","
        or tokens[end + 2].lower not in _OWNER_DETERMINERS
    ):
        return False
    k, tv = end + 3, False
    if k + 1 < len(tokens) and tokens[k + 1].kind == "poss" and tokens[k].text in TV_NETWORKS:
        k, tv = k + 2, True
    elif _tv_word(tokens[k]):
        k, tv = k + 1, True
    if k < len(tokens) and _EPISODE_COUNT.fullmatch(tokens[k].lower):
        k, tv = k + 1, True
    return (
        tv
        and k < len(tokens)
        and tokens[k].lower in FILM_NOUNS
        and (k + 1 == len(tokens) or tokens[k + 1].lower in _WORK_HEAD_CLOSERS)
    )


_OWNER_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its"})
_NONFILM_LIST_HEADS = frozenset(
    {"albums", "songs", "singles", "records", "books", "novels", "plays", "musicals", "shows",
     "series", "poems", "operas", "sitcoms", "programmes"}
)  # fmt: skip
"""Plural works whose list ("His albums include X (1982) and Y") names no films."""
_INCLUDE_WORDS = frozenset({"include", "includes", "included", "including"})
_NONFILM_LIST_OR_APPOSITION_ENDS = frozenset({",", "and", "&", "include", "includes", "included",
                                             "including", "as", "in", "story"})  # fmt: skip
"""The word right before a name that :func:`_nonfilm_work_before` may find a reason in."""


_EPISODE_COUNT = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)-part")
"""A genre noun's count of parts: "the four-part drama X" is a serial, not a film."""
_SHOW_GENRES = frozenset({"drama", "comedy", "sitcom", "soap", "thriller", "procedural", "dramedy"})


def _part_on_a_show_before(tokens: Sequence[Token], first: int) -> bool:
    """Do the words before ``first`` give a part played "on" a genre noun: "as Dr Nate Kessler on
    the hospital drama X"? One plays a part "in" a film and "on" a television show.

    >>> _part_on_a_show_before(tokenize("best known as Dr Nate Kessler on the hospital drama Ward 9"), 10)
    True
    >>> _part_on_a_show_before(tokenize("she worked on the thriller Ward 9"), 5)
    False
    """
    k = first - 1
    if k < 0 or tokens[k].lower not in _SHOW_GENRES:
        return False
    k -= 1
    while k >= 0 and first - k <= 4 and tokens[k].kind == "word" and not tokens[k].cap:
        if tokens[k].lower in ("the", "a"):
            break
        k -= 1
    if k < 2 or tokens[k].lower not in ("the", "a") or tokens[k - 1].lower != "on":
        return False
    k -= 2  # the part's name ends before "on"
    if not tokens[k].cap:
        return False
    return any(tokens[m].lower == "as" for m in range(max(0, k - 8), k))


def _nonfilm_work_before(tokens: Sequence[Token], chunk: Chunk) -> bool:
    """Do the words before ``chunk`` say it is a work of another kind than a film: an item of a
    list of albums, books or plays ("His albums include Thriller (1982) and Bad"), a closed
    apposition of such a work ("The book, Atonement (2001), sold well") or of a TV drama ("a new
    BBC drama, Cold Comfort,"), a play on stage ("appeared on stage in Hamlet"), a short story?

    >>> tokens = tokenize("His albums include Thriller (1982) and Bad (1987).")
    >>> _nonfilm_work_before(tokens, Chunk(8, 8, "Bad", 0, 0))
    True
    >>> _nonfilm_work_before(tokenize("His films include Heat and Ali."), Chunk(5, 5, "Ali", 0, 0))
    False
    >>> _nonfilm_work_before(tokenize("The book, Atonement, sold."), Chunk(3, 3, "Atonement", 0, 0))
    True
    """
    first = chunk.first
    before = tokens[first - 1].lower if first >= 1 else ""
    if before == "in":
        return first >= 2 and tokens[first - 2].lower == "stage"  # "on stage in Hamlet"
    if before == "story":  # "the short story The Lamp" (but "the love story Brokeback Mountain")
        return first >= 2 and tokens[first - 2].lower == "short"
    if (  # "a new BBC drama, Cold Comfort, written by": as "the BBC drama Spooks"
        before == ","
        and first >= 3
        and tokens[first - 2].lower in STRONG_FILM_NOUNS
        and tokens[first - 2].lower not in _FILM_ONLY_NOUNS
        and (
            _tv_word(tokens[first - 3])
            or (first >= 4 and f"{tokens[first - 4].text} {tokens[first - 3].text}" in TV_NETWORKS)
        )
    ):
        return True
    if before == "," and first >= 3 and tokens[first - 2].lower in NONFILM_WORK_HEADS:
        after = chunk.last + 1
        if after < len(tokens) and tokens[after].text == "(":
            after = next((k + 1 for k in range(after, min(after + 6, len(tokens)))
                          if tokens[k].text == ")"), after)  # fmt: skip
        return (
            tokens[first - 3].lower in _OWNER_DETERMINERS
            and after < len(tokens)
            and tokens[after].text == ","
            and not _person_like_name(chunk.text)
        )
    k = first - 1  # back over the list before it: names, years in brackets, commas, "and"
    while k >= 0 and first - k < 40:
        text = tokens[k].text
        if text == ")":
            while k >= 0 and tokens[k].text != "(":
                k -= 1
        elif not (tokens[k].cap or text in (",", "and", "&")):
            break
        k -= 1
    if k < 1:
        return False
    if tokens[k].lower in _INCLUDE_WORDS:
        head = k - 1
    elif tokens[k].lower == "as" and tokens[k - 1].lower == "such":
        head = k - 2
    else:
        return False
    return head >= 0 and (
        tokens[head].lower in _NONFILM_LIST_HEADS
        or (
            head >= 1
            and tokens[head].lower == "hits"
            and tokens[head - 1].lower in NONFILM_MODIFIERS
        )
    )


_WORK_HEAD_CLOSERS = frozenset(
    {",", ".", ";", ")", "which", "that", "about", "by", "for", "with", "and"}
)
"""What may follow the head of a non-film apposition ("his stand-up show, made ...")."""


def _person_clause_after(tokens: Sequence[Token], last: int) -> bool:
    """Does what follows the name ending at ``last`` say it is a person: an age in commas, a
    relative "who", an occupation in apposition or a verb of speech ("Zorbek Vail, 45, ...", "X,
    who ...", "X, the actor best known for ...", "X said")?
    A film, a show or a company takes "which", has no age and does not speak.

    >>> _person_clause_after(tokenize("Zorbek Vail, 45, has married"), 1)
    True
    >>> _person_clause_after(tokenize("Zorbek Vail told reporters"), 1)
    True
    >>> _person_clause_after(tokenize("Night Ferry, which opens today"), 1)
    False
    """
    rest = [t.lower for t in tokens[last + 1 : last + 4]]
    if rest[:1] == [","] and len(rest) > 1:
        if rest[1] == "who" or _occupation_apposition(tokens, last):
            return True
        age = rest[1]
        return age.isascii() and age.isdigit() and 16 <= int(age) <= 99 and rest[2:3] == [","]
    return bool(rest) and rest[0] in _SPEECH_VERBS


_OCCUPATIONS = frozenset(
    {
        "actor",
        "actress",
        "director",
        "film-maker",
        "filmmaker",
        "producer",
        "screenwriter",
        "composer",
        "cinematographer",
        "comedian",
        "singer",
        "rapper",
        "musician",
        "star",
    }
)
"""Occupations whose apposition makes a name a person's ("X, the veteran actor best known for")."""
_AFTER_HEAD = frozenset(
    {",", ".", "who", "whose", "best", "known", "famous", "of", "behind", "and", "for", "in",
     "from", "with", "turned", "perhaps", "most", "widely", "probably", "whom"}
)  # fmt: skip
"""Words after an occupation noun that show it is the head ("the actor best known for"), not a
modifier ("a star vehicle")."""


def apposition_head(
    tokens: Sequence[Token],
    last: int,
    nouns: AbstractSet[str],
    determiners: AbstractSet[str] = frozenset({"the", "a", "an"}),
) -> int | None:
    """Where the head noun (one of ``nouns``) of a short apposition after the name ending at
    ``last`` stands: ", the veteran actor best known for", ", an acclaimed director" (it opens
    with one of ``determiners``). ``None`` when none follows within four words, or when it owns
    something ("X, the director's wife").

    >>> tokens = tokenize("Harlan Voss, the veteran actor best known for")
    >>> tokens[apposition_head(tokens, 1, {"actor"})].text
    'actor'
    >>> apposition_head(tokenize("Ann Lee, the director's wife"), 1, {"director"}) is None
    True
    """
    if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
        return None
    if tokens[last + 2].lower not in determiners:
        return None
    for k in range(last + 3, min(last + 7, len(tokens))):
        tok = tokens[k]
        if tok.lower in nouns:
            return k if k + 1 == len(tokens) or tokens[k + 1].kind != "poss" else None
        if tok.kind != "word" or tok.lower in ("who", "which", "whose"):
            return None
    return None


def _occupation_apposition(tokens: Sequence[Token], last: int) -> bool:
    """Does an apposition headed by an occupation follow the name ending at ``last``, the noun
    its head and not a modifier ("X, a star vehicle for" is no person)?

    >>> _occupation_apposition(tokenize("X, the Oscar-winning star of"), 0)
    True
    >>> _occupation_apposition(tokenize("X, a star vehicle for"), 0)
    False
    """
    k = apposition_head(tokens, last, _OCCUPATIONS)
    return k is not None and (k + 1 == len(tokens) or tokens[k + 1].lower in _AFTER_HEAD)


_SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "added", "admitted", "insisted"})
"""Verbs of speech: a name right before one is a person's (a company's spokesman speaks for it)."""
_OBJECT_PREPOSITIONS = frozenset(
    {"of", "in", "from", "for", "on", "at", "about", "to", "into", "than", "like", "with"}
)
"""Words before a name that make it an object: "the stars of Night Ferry, who ...": the relative
clause is the stars', not the film's."""


def _noun_before_quote(chunk: Chunk, tokens: Sequence[Token]) -> str | None:
    """The kind a singular film noun right before ``chunk`` in quotation marks gives it: "film"
    ("the film 'Harbour Lights'"), or "nonfilm" when television is named before the noun ("the
    BBC drama 'Spooks'"); ``None`` for any other name."""
    first = chunk.first
    if first < 2 or not _quoted(tokens, first, chunk.last):
        return None
    noun = tokens[first - 2].lower
    if not _singular_film_noun(noun):
        return None
    return "nonfilm" if first >= 3 and _tv_word(tokens[first - 3]) else "film"


_BEFORE_A_VERB = frozenset(
    {"will", "would", "also", "to", "can", "could", "may", "might", "does", "did", "not", "they",
     "it", "which", "that", "who", "films", "both", "all", "shall", "should", "must"}
)  # fmt: skip
"""Words after which "feature" or "show" is the verb ("will also feature P", "the festival will
show X"), not the noun."""
_PLACE_TITLE_NOUNS = frozenset(
    {*_FILM_ONLY_NOUNS, "thriller", "comedy", "drama", "documentary", "biopic"}
)
"""Film nouns after which even a place's name is a title ("the film Munich", "the movie
Chicago"); not "western" ("the western Texas border") nor the other looser nouns."""


def _may_be_film_after(noun: str, name: str) -> bool:
    """Whether ``name`` may be a title when the film noun ``noun`` (or "noun, called") comes
    before it: never an award, a festival or a month; a place only after a noun that names
    nothing else (:data:`_PLACE_TITLE_NOUNS`).

    >>> _may_be_film_after("film", "Munich"), _may_be_film_after("western", "Texas")
    (True, False)
    >>> _may_be_film_after("film", "Bafta")
    False
    >>> _may_be_film_after("thriller", "Blind Trust"), _may_be_film_after("thriller", "Lantern Films")
    (True, False)
    """
    kind = nonfilm_kind(name, heads=False)
    return (
        kind is None
        or (kind == "place" and noun in _PLACE_TITLE_NOUNS)
        or (  # "the political thriller Blind Trust", "the drama Dead Poets Society"
            kind == "org"
            and len(name.split()) >= 2
            and name.split()[-1] in INSTITUTION_HEADS
            and name not in KNOWN_ORGS
        )
    )


def _entry_title_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` followed by "entry" and a title ("P's Competition entry
    F", "the Cannes entry, F")? Then it is a festival or one of its sections, and F the film.

    >>> _entry_title_after(tokenize("Castel's Competition entry La Nuit"), 2)
    True
    >>> _entry_title_after(tokenize("Castel's Competition entry was sold"), 2)
    False
    """
    k = last + 1
    if k + 1 >= len(tokens) or tokens[k].lower not in ("entry", "entries"):
        return False
    k += 1
    if tokens[k].text == "," and k + 1 < len(tokens):
        k += 1
    return tokens[k].cap


def _classify(chunk: Chunk, tokens: Sequence[Token], known: Known) -> None:
    """Kind of a chunk, strongest evidence first: a film noun right before it ("the comedy
    Vera Drake"), what the document or store knows, closed lists (awards, outlets, places,
    companies), a descriptor or a given name (a person), the last word ("... Festival")."""
    name = chunk.text
    lower = name.lower()
    words = name.split()
    before = tokens[chunk.first - 1].lower if chunk.first > 0 else ""
    if lower in TV_WORDS:
        chunk.kind, chunk.why = "nonfilm", "tv"  # "the hit TV show X": "TV" is no title
        return
    if _entry_title_after(tokens, chunk.last):
        chunk.kind, chunk.why = "nonfilm", "before 'entry'"  # "P's Competition entry F"
        return
    quoted_after = _noun_before_quote(chunk, tokens)
    if quoted_after is not None and nonfilm_kind(name, heads=False) is None:
        chunk.kind = quoted_after  # "the film 'Harbour Lights'", "the BBC drama 'Spooks'"
        chunk.why = f"after '{tokens[chunk.first - 2].lower}'"
        return
    if chunk.first == 0 and _starring_after(tokens, chunk.last) and known(name) is None:
        chunk.kind, chunk.why = "film", "subject of 'starring'"  # "Vera Drake, starring X, ..."
        return
    if (
        chunk.first == 0
        and (len(words) >= 4 or not _person_like_name(name))
        and _directed_by_after(tokens, chunk.last)
        and known(name) is None
    ):  # "Minnie Dawson Takes Manhattan, directed by P, won ...": no person is directed
        chunk.kind, chunk.why = "film", "subject of ', directed by'"
        return
    told = known(name)  # (asked once: the same answer below)
    if (
        before in ("a", "an")
        and told is None
        and chunk.last + 1 < len(tokens)
        and tokens[chunk.last + 1].kind == "word"
        and tokens[chunk.last + 1].lower[:1].isalpha()
        and not tokens[chunk.last + 1].cap
        and tokens[chunk.last + 1].lower not in FUNCTION_WORDS
        and not _person_like_name(name)
        and nonfilm_kind(name, heads=False) is None
        and not _singular_film_noun(tokens[chunk.last + 1].lower)
    ):  # "a Kyoto fishmonger", "a Bradford textile mill": a name that qualifies a noun
        chunk.kind, chunk.why = "nonfilm", "modifier"
        return
    if (
        told is None
        and not _person_like_name(name)
        and _predicate_cue_verb_after(tokens, chunk.last)
    ):
        for cue, cue_kind, cue_why in _PREDICATE_CUES:  # "X topped the box office", ...
            if cue(tokens, chunk.last):
                chunk.kind, chunk.why = cue_kind, cue_why
                return
    if lower in NONFILM_MODIFIERS and _modifies_a_name(tokens, chunk.last):
        chunk.kind, chunk.why = "nonfilm", "kind of star"  # "Pop star X", "Soap star Y"
        return
    if (
        before == "animated"
        and told is None
        and chunk.first >= 2
        and tokens[chunk.first - 2].lower in ("the", "an", "its", "their", "his", "her")
        and not _person_like_name(name)
    ):
        # "the animated Sammy and the Sea Serpent" ("the animated series X": the noun comes first)
        chunk.kind, chunk.why = "film", "after 'animated'"
        return
    if (
        _singular_film_noun(before)  # "features X", "films X": a verb or a plural, not a cue
        and not (  # "will also feature P as ...": the verb
            chunk.first >= 2
            and before == "feature"
            and tokens[chunk.first - 2].lower in _BEFORE_A_VERB
        )
        and _may_be_film_after(before, name)
        and not (_person_like_name(name) and _crew_verb_after(tokens, chunk.last))
    ):
        if (
            before not in _FILM_ONLY_NOUNS
            and chunk.first >= 2
            and (
                _tv_word(tokens[chunk.first - 2])
                or (  # "the Channel 4 drama X", "the BBC One comedy Y"
                    chunk.first >= 3
                    and f"{tokens[chunk.first - 3].text} {tokens[chunk.first - 2].text}"
                    in TV_NETWORKS
                )
                or (  # "the BBC's drama X", "TV3's comedy Y": a broadcaster's own
                    chunk.first >= 3
                    and tokens[chunk.first - 2].kind == "poss"
                    and tokens[chunk.first - 3].text in TV_NETWORKS
                )
                or _EPISODE_COUNT.fullmatch(tokens[chunk.first - 2].lower) is not None
            )
        ):
            chunk.kind, chunk.why = "nonfilm", f"after 'tv {before}'"  # "the BBC drama Spooks"
            return
        if told != "film" and _part_on_a_show_before(tokens, chunk.first):
            chunk.kind, chunk.why = "nonfilm", "a part 'on' a show"  # "as Dr X on the drama Y"
            return
        chunk.kind, chunk.why = "film", f"after '{before}'"
        return
    if (
        _DECADE.fullmatch(before)
        and chunk.first >= 2
        and tokens[chunk.first - 2].lower in ("in", "of", "from", "across")
    ):
        chunk.kind, chunk.why = "nonfilm", "place"  # "a jazz singer in 1950s Harlem"
        return
    if before == "retitled" and told != "person":  # "Retitled Lon Dubh for the screen, it ..."
        chunk.kind, chunk.why = "film", "after 'retitled'"
        return
    at = chunk.first - 2  # before "called": "The film, (provisionally) titled X"
    if at >= 1 and tokens[at].lower in _TITLING_ADVERBS:
        at -= 1
    named = (
        before in ("called", "titled", "entitled", "named")
        and at >= 0
        and (
            tokens[at].lower in STRONG_FILM_NOUNS
            or (  # "The film, called Iron Gate, ...", "a biopic of his life, titled X"
                tokens[at].text == ","
                and (
                    _film_noun_phrase_before(tokens, at)
                    or _film_noun_with_participle_before(tokens, at)
                )
            )
        )
    )
    named = named or (
        before == "in"
        and chunk.first >= 2
        and tokens[chunk.first - 2].lower in _PART_NOUNS
        and told is None
        and not chunk.possessive  # "a cameo in P's comedy F": P made F
    )
    named = named or (
        before in ("of", "for")
        and chunk.first >= 2
        and tokens[chunk.first - 2].lower in _SHOOT_NOUNS
        and told is None
    )
    named = named or (  # "The film, A Different Story, chronicles ...": an apposition
        before == ","
        and chunk.first >= 3
        and _singular_film_noun(tokens[chunk.first - 2].lower)
        and _determiner_before(tokens, chunk.first - 2)
        and chunk.last + 1 < len(tokens)
        and tokens[chunk.last + 1].text == ","  # closed: "The film, X, chronicles"
        and told is None
        and not _person_like_name(name)  # "The director of the film, Vinod Pande, says"
    )
    noun = tokens[at].lower if at >= 0 else ""
    if noun == "," and before in ("called", "titled", "entitled", "named"):
        noun = "film"  # "The film, called Munich, ...": a film noun phrase is before the comma
    if named and _may_be_film_after(noun, name):
        chunk.kind, chunk.why = "film", f"'{tokens[chunk.first - 2].lower} {before}'"
        return
    if told is not None:
        chunk.kind, chunk.why = told, "known"
        return
    if (
        before == "of"
        and chunk.first >= 3
        and tokens[chunk.first - 2].lower in ("series", "season", "seasons")
        and tokens[chunk.first - 3].lower not in ("a", "tv")
    ):  # "the third series of The Cutting Room": television ("a series of X films" is not)
        chunk.kind, chunk.why = "nonfilm", f"after '{tokens[chunk.first - 2].lower} of'"
        return
    if (
        _film_apposition_after(tokens, chunk.last)
        and nonfilm_kind(name, heads=False) is None
        and " in " not in name  # "comic legend P in F, about a ...": F is about it
    ):
        chunk.kind, chunk.why = "film", "apposition 'a ... comedy'"  # "Eden Falls, a comedy by"
        return
    if _nonfilm_apposition_after(tokens, chunk.last):
        chunk.kind, chunk.why = "nonfilm", "apposition 'his ... show'"  # "X (1985), his tour,"
        return
    if before in _NONFILM_LIST_OR_APPOSITION_ENDS and _nonfilm_work_before(tokens, chunk):
        chunk.kind, chunk.why = "nonfilm", "a work of another kind before it"  # "albums include X"
        return
    if (
        before in NONFILM_BEFORE
        and before in PERSON_NOUNS
        and 1 <= len(words) <= 4
        and _namey(words)
    ):
        chunk.kind, chunk.why = (
            "person",
            "descriptor",
        )  # "singer X", "comics X": not a film, a person
        return
    if before in _COMPANY_NOUNS and 1 <= len(words) <= 5:
        chunk.kind, chunk.why = "org", f"after '{before}'"  # "the studio Northgate Pictures"
        return
    if before in NONFILM_BEFORE and _screen_version_of(tokens, chunk.first):
        chunk.kind, chunk.why = "film", "screen version of"  # "the film of the novel X"
        return
    if before in NONFILM_BEFORE and _made_into_a_film_after(tokens, chunk.last):
        chunk.kind, chunk.why = (
            "film",
            "made into a film",
        )  # "the novel X is to be made into a film"
        return
    if (
        before in NONFILM_BEFORE
        and not (  # "the animated musical X" is a film; "the animated series X" is not
            chunk.first >= 2
            and tokens[chunk.first - 2].lower in _SCREEN_WORDS
            and before not in _SCREEN_SERIES_NOUNS
        )
        and not (  # "the festival will show X": the verb
            before == "show"
            and chunk.first >= 2
            and tokens[chunk.first - 2].lower in _BEFORE_A_VERB
        )
    ):
        chunk.kind, chunk.why = "nonfilm", f"after '{before}'"  # "the sitcom X", "novel X"
        return
    kind = nonfilm_kind(name, heads=False)
    if kind == "org" or (kind is None and (is_known_org(name) or name.endswith("+"))):
        chunk.kind, chunk.why = "org", "company"
        return
    if kind == "nationality":
        after = tokens[chunk.last + 1].lower if chunk.last + 1 < len(tokens) else ""
        if after in ("language", "languages", "dialect", "subtitles", "dub", "version"):
            chunk.kind, chunk.why = "nonfilm", "language"
        else:
            chunk.kind, chunk.why = "nationality", "demonym"
        return
    if kind is not None:
        chunk.kind, chunk.why = "nonfilm", kind
        return
    if (
        before == "in"
        and chunk.first >= 2
        and tokens[chunk.first - 2].lower in _PLACE_CUES
        and told is None
        and not _person_like_name(name)
    ):
        chunk.kind, chunk.why = "nonfilm", "place"  # "took place in New Mexico", "born in X"
        return
    person_cue = before in PERSON_NOUNS or (
        before != "of"  # "stars of Night Ferry": the noun is not the name's
        and any(d in PERSON_NOUNS or d in _HONORIFIC_WORDS for d in chunk.descriptors)
    )
    if person_cue and _modifies_a_name(tokens, chunk.last) and not _person_like_name(name):
        chunk.kind, chunk.why = "name", "modifier"  # "stars EastEnders actress X": X's show
        return
    if not person_cue and _dated_list_item(tokens, chunk.first, chunk.last):
        chunk.kind, chunk.why = "film", "dated list"  # "Rani Saheba (1930), Udaykal (1930) ..."
        return
    if not person_cue and _quoted(tokens, chunk.first, chunk.last):
        chunk.kind, chunk.why = "name", "quoted"  # '"King David" is a 1985 film': a title
        return
    if _person_like_name(name) or (person_cue and 1 <= len(words) <= 4 and _namey(words)):
        chunk.kind, chunk.why = "person", "name" if not person_cue else "descriptor"
        return
    if (
        2 <= len(words) <= 4
        and _namey(words)
        and before not in _OBJECT_PREPOSITIONS
        and _person_clause_after(tokens, chunk.last)
    ):
        chunk.kind, chunk.why = "person", "what follows"  # "Zorbek Vail, 45, ...", "X said"
        return
    kind = nonfilm_kind(name)
    if kind is not None:
        chunk.kind, chunk.why = ("org", "company") if kind == "org" else ("nonfilm", kind)
        return
    chunk.kind, chunk.why = "name", ""


def _year_in_brackets_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` followed by a bare year in brackets, as a film's is
    ("Rani Saheba (1930)")? A person's brackets say "born" or give two years.

    >>> _year_in_brackets_after(tokenize("Rani Saheba (1930) and Zulum"), 1)
    True
    >>> _year_in_brackets_after(tokenize("Rani Mukerji (born 1978)"), 1)
    False
    """
    return (
        last + 3 < len(tokens)
        and tokens[last + 1].text == "("
        and _is_year(tokens[last + 2].text)
        and tokens[last + 3].text == ")"
    )


def _dated_list_item(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Is the name at ``first``..``last`` an item of a list of names with bare years in
    brackets, as films are listed ("followed by Rani Saheba (1930), Udaykal (1930) and Zulum
    (1931)")? One dated name alone may be anything; a list of them is a filmography.

    >>> _dated_list_item(tokenize("Rani Saheba (1930), Udaykal (1930)"), 0, 1)
    True
    >>> _dated_list_item(tokenize("Rani Saheba (1930) said"), 0, 1)
    False
    """
    if not _year_in_brackets_after(tokens, last):
        return False
    if first >= 2 and tokens[first - 1].lower in (",", "and") and tokens[first - 2].text == ")":
        return True  # an earlier item ends "(1930) ,"
    after = last + 4
    if after < len(tokens) and tokens[after].lower in (",", "and"):
        return any(
            _year_in_brackets_after(tokens, k)
            for k in range(after + 1, min(after + 8, len(tokens)))
        )
    return False


def _modifies_a_name(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` followed by a person noun and a name, so that it qualifies
    that noun ("EastEnders actress Ann Cole", "Titanic star Kate Winslet")?"""
    return (
        last + 2 < len(tokens)
        and tokens[last + 1].lower in PERSON_NOUNS
        and not re.search(r"[^s]s$", tokens[last + 1].lower)  # a plural or a verb: "stars"
        and tokens[last + 2].cap
    )


_PLACE_CUES = frozenset(
    {"place", "born", "raised", "based", "located", "filmed", "shot", "set", "location", "locations"}
)  # fmt: skip
"""Words after which "in X" names a place: "took place in X", "born in X", "shot in X"."""
_PART_NOUNS = frozenset({"cameo", "cameos", "appearance"})
"""A brief appearance: the name after "a cameo in" is a work ("role in" may be television)."""
_AWARD_CATEGORY = re.compile(
    r"Best (?:(?:Supporting|Leading|Lead|Original|Adapted|Foreign|Animated|New|British|"
    r"Foreign[- ]Language|Visual|Costume|Production|Sound) )*(?:Actor|Actress|Director|Picture|"
    r"Film|Screenplay|Cinematography|Score|Song|Editing|Design|Effects|Makeup|Feature|"
    r"Documentary|Music)s?$",
    re.IGNORECASE,
)
"""An award category written in capitals ("Best Supporting Actress"): words, not a name."""
_COMPANY_NOUNS = frozenset({"studio", "company", "firm", "label", "distributor", "distributors"})
"""Nouns that make the name after them a company ("the studio X", "distributor Y")."""
_SHOOT_NOUNS = frozenset(
    {"shoot", "filming", "shooting", "trailer", "remake", "reboot", "soundtrack"}
)
"""Words only a film is the object of: "the shoot of X", "the trailer for X", "a remake of X",
"the soundtrack of X"."""
_HONORIFIC_WORDS = frozenset(h.lower().rstrip(".") for h in HONORIFICS)
_START_NOUNS = (
    frozenset(ROLE_OF_NOUN)
    | PERSON_NOUNS
    | FILM_NOUNS
    | TV_WORDS
    | {
        "distributor",
        "distributors",
        "starring",
        "directed",
        "written",
        "produced",
        "edited",
        "grossing",
        "budget",
        "runtime",
        "cast",
        "music",
        "score",
        "screenplay",
        "cinematography",
        "editing",
        "release",
        "released",
        "at",
        "with",
        "filming",
        "shooting",
        "joining",
        "production",
        "principal",
        "photography",
        "fans",
        "viewers",
        "audiences",
        "cinemagoers",
        "moviegoers",
        "filmgoers",
        "readers",
        "followers",
        "supporters",
        "admirers",
    }
) - {"feature", "short"}


def _crew_verb_after(tokens: Sequence[Token], last: int) -> bool:
    """Is the name ending at ``last`` the subject of a crew verb ("the drama Ann Lee is
    directing", "the film Ann Lee wrote")? Then "the drama" opens a clause about a person.

    >>> _crew_verb_after(tokenize("the drama Ann Lee is directing"), 3)
    True
    >>> _crew_verb_after(tokenize("the drama Ann Lee opened"), 3)
    False
    """
    k = _verb_after(tokens, last)
    return k is not None and tokens[k].lower in _CREW_VERBS


_CREW_VERBS = frozenset(
    verb for verb, relation in ROLE_OF_VERB.items()
    if relation is not Relation.CAST_MEMBER and " " not in verb
) | {"shot"}  # fmt: skip
"""One-word verbs of the crew roles, from the role table ("directing", "penned", "scored")."""


def _pronoun_subject_after(tokens: Sequence[Token], j: int) -> bool:
    """Does a comma and a pronoun come after token ``j``, ending a fronted clause ("Born in
    Leeds in 1917, she made ...")?"""
    return any(
        tokens[k].text == "," and tokens[k + 1].lower in ("he", "she", "it", "they")
        for k in range(j + 1, len(tokens) - 1)
    )


_IRREGULAR_PARTICIPLES = frozenset(
    {"shot", "made", "set", "led", "cast", "sung", "told", "held", "run", "built", "lit", "cut",
     "shown", "read", "drawn", "won", "bought", "brought", "taught", "sold", "spun", "struck"}
)  # fmt: skip
"""Participles not in -ed/-en that open a sentence before "by" ("Shot by P, it ...")."""
_SPANS_OF_TIME = frozenset(noun for noun in _TIME_NOUNS if noun.endswith("s")) | {
    "moments",
    "seconds",
}
"""Plural time nouns that open a sentence alone ("Hours after learning she was nominated, ...",
"Weeks later, ..."): no name. With more capitals they may start a title ("Days of Heaven")."""
_GENRE_MODIFIERS = frozenset(
    {"spy", "action", "crime", "war", "heist", "gangster", "superhero", "disaster", "monster",
     "zombie", "vampire", "teen", "period", "costume", "sci-fi", "science-fiction", "martial",
     "kung", "slasher", "prison", "sports", "family", "animated", "indie", "arthouse"}
)  # fmt: skip
"""Words that open a sentence alone as a kind of film ("Spy sequel X tops the chart", "Action
star P"): no name."""


def _sentence_adverb(tokens: Sequence[Token], i: int) -> bool:
    """Is the word at ``i`` an adverb in -ly before a comma ("Separately, O took ...")? Given
    names in -ly ("Kelly, who ...") are not.

    >>> _sentence_adverb(tokenize("Separately, Tangent took rights."), 0)
    True
    >>> _sentence_adverb(tokenize("Kelly, who stars, said."), 0)
    False
    """
    word = tokens[i].text
    return (
        len(word) > 5
        and word.endswith("ly")
        and i + 1 < len(tokens)
        and tokens[i + 1].text == ","
        and not is_given_name(word)
    )


_LEAD_GERUNDS = frozenset({"opening", "closing", "topping", "heading", "rounding", "leading"})
"""Gerunds that open a sentence alone before its inverted verb ("Closing the festival will be
F", "Topping the chart is G"): no name."""
_RENAMING_PARTICIPLES = frozenset({"retitled", "renamed", "rebranded", "rechristened"})
"""Participles that open a sentence alone before the new name they give ("Retitled Linesmen, it
will be directed by P"): the name is the film's, without the participle."""
_NEW_SENTENCE_WORDS = _START_NOUNS | FUNCTION_WORDS
"""Words that, capitalised after a full stop, start a sentence the splitter missed."""


def _namey(words: Sequence[str]) -> bool:
    return all(w[0].isupper() or w in NAME_PARTICLES for w in words) and not any(
        w.lower() in ("the", "of", "and", "in") for w in words
    )
