"""Score an extractor on a gold JSONL file: precision, recall and F1 per relation, source, overall.

The gold format is that of ``../shared/data/gold/dev.jsonl``: one JSON object a line with
``id, source, title, text, entities[{name, type, aliases?}], triples[{subject, relation, object}]``.
The extractor sees only ``text`` and ``title`` (as a user's article would be); the ``entities`` list
is used for scoring only.

Matching rules (printed with every report):

- entity names match after folding case and whitespace; a gold entity matches by its name or any of
  its aliases, a predicted entity by its name or any of its aliases;
- dates are normalised to ISO (``yyyy-mm-dd`` or ``yyyy``) on both sides and compared exactly: a
  day-precise prediction does not match a year-only gold date, nor the reverse;
- countries are compared as canonical country names ("Belgian" = "Belgium", "the United States" =
  "American" = "United States");
- only relations that occur in the gold vocabulary are scored; others are counted as unscored;
- a source whose annotation scheme has no such relation is not scored on it either
  (:data:`SOURCE_RELATIONS`: Re-DocRED keeps DocRED's Wikidata relations, which have no
  cinematographer, editor, distributor, executive producer or "based on", so such facts can never
  be in its gold and are counted as unscored, not as false positives).

>>> s = Score(tp=8, fp=2, fn=2)
>>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 2)
(0.8, 0.8, 0.8)
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import KGInputError, ParseError
from .extract import DEFAULT_EXTRACTOR, Gazetteer, get_extractor
from .extract.countries import country_name
from .extract.dates import normalise_date
from .extract.pipeline import sentences
from .model import ROLES, Document, EntityRef, Fact, Relation

__all__ = [
    "GOLD_RELATIONS",
    "MATCHING_RULES",
    "SOURCE_RELATIONS",
    "ErrorExample",
    "EvalReport",
    "Judgement",
    "Score",
    "evaluate",
    "evaluate_documents",
    "format_report",
    "gold_document",
    "judge_document",
    "load_gold",
]

GOLD_RELATIONS: frozenset[str] = frozenset(
    {role.relation.value for role in ROLES}
    | {
        Relation.RELEASE_DATE.value,
        Relation.COUNTRY.value,
        Relation.BASED_ON.value,
        Relation.FOLLOWS.value,
        Relation.FOLLOWED_BY.value,
    }
)
"""Relations scored by default (the vocabulary of the gold files)."""

SOURCE_RELATIONS: dict[str, frozenset[str]] = {
    "Re-DocRED": frozenset(
        {
            Relation.DIRECTOR.value,  # P57
            Relation.SCREENWRITER.value,  # P58
            Relation.COMPOSER.value,  # P86
            Relation.CAST_MEMBER.value,  # P161
            Relation.PRODUCER.value,  # P162
            Relation.PRODUCTION_COMPANY.value,  # P272
            Relation.COUNTRY.value,  # P495
            Relation.RELEASE_DATE.value,  # P577 publication date
            Relation.FOLLOWS.value,  # P155
            Relation.FOLLOWED_BY.value,  # P156
        }
    ),
}
"""The relations a source's annotators could label, where they are fewer than the gold
vocabulary: DocRED's 96 Wikidata properties (which Re-DocRED re-annotates) hold no P344
(director of photography), P1040 (film editor), P750 (distributor), P1431 (executive producer)
or P144 (based on)."""

MATCHING_RULES = (
    "names match by name or alias after folding case and whitespace; dates are normalised to ISO "
    "(yyyy-mm-dd or yyyy) on both sides and must be equal at the same precision; countries are "
    "compared as canonical country names (demonyms such as 'Belgian' map to 'Belgium')"
)


@dataclass
class Score:
    """Counts and the measures derived from them.

    ``tp``/``fn`` count *explicit* gold triples found/missed (a role word or verb ties the two in
    the text), ``ti``/``mi`` implicit ones (a careful reader infers them: possessives, award
    wording); ``fp`` counts emitted facts that match no gold triple. Finding an implicit triple
    is right; missing one is judged apart. Gold files without the ``explicit`` field (the
    encyclopedia set) are all explicit.

    >>> s = Score(tp=6, fp=1, fn=4, ti=1, mi=3)
    >>> s.precision, s.recall, round(s.recall_all, 3)
    (0.875, 0.6, 0.5)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ti: int = 0
    mi: int = 0

    @property
    def precision(self) -> float:
        """Right facts over emitted facts; 1.0 when nothing was predicted."""
        right = self.tp + self.ti
        return right / (right + self.fp) if right + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Explicit gold triples found over all explicit ones; 1.0 when there were none."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def recall_all(self) -> float:
        """Gold triples found (explicit and implicit) over all of them."""
        found = self.tp + self.ti
        total = found + self.fn + self.mi
        return found / total if total else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and (explicit) recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.ti += other.ti
        self.mi += other.mi

    def as_dict(self) -> dict[str, float | int]:
        """Plain dict (counts and rounded measures)."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "implicit_found": self.ti,
            "implicit_missed": self.mi,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "recall_all": round(self.recall_all, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class ErrorExample:
    """A false positive or false negative, with the sentence it came from (or would have)."""

    doc_id: str
    source: str
    subject: str
    relation: str
    object: str
    sentence: str


@dataclass
class EvalReport:
    """Everything :func:`evaluate` measured."""

    overall: Score = field(default_factory=Score)
    by_source: dict[str, Score] = field(default_factory=dict)
    by_relation: dict[str, Score] = field(default_factory=dict)
    by_source_relation: dict[str, dict[str, Score]] = field(default_factory=dict)
    false_positives: list[ErrorExample] = field(default_factory=list)
    false_negatives: list[ErrorExample] = field(default_factory=list)
    documents: int = 0
    unscored: int = 0
    extractor: str = DEFAULT_EXTRACTOR
    matching: str = MATCHING_RULES

    def as_dict(self) -> dict[str, Any]:
        """Plain, JSON-serialisable dict."""
        return {
            "extractor": self.extractor,
            "documents": self.documents,
            "matching": self.matching,
            "overall": self.overall.as_dict(),
            "by_source": {k: v.as_dict() for k, v in sorted(self.by_source.items())},
            "by_relation": {k: v.as_dict() for k, v in sorted(self.by_relation.items())},
            "by_source_relation": {
                s: {k: v.as_dict() for k, v in sorted(d.items())}
                for s, d in sorted(self.by_source_relation.items())
            },
            "unscored_predictions": self.unscored,
            "false_positives": [e.__dict__ for e in self.false_positives],
            "false_negatives": [e.__dict__ for e in self.false_negatives],
        }


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def source_family(source: str) -> str:
    """``"Re-DocRED/dev_revised"`` -> ``"Re-DocRED"``; ``"WebNLG-3.0/..."`` -> ``"WebNLG"``.

    >>> source_family("WebNLG-3.0/rdf-to-text-generation-test-data-with-refs-en.xml")
    'WebNLG'
    >>> source_family("news/bbc")
    'news/bbc'
    """
    parts = source.split("/")
    if parts[0] == "news" and len(parts) > 1:  # news/bbc, news/celebrity: report each outlet
        return "/".join(parts[:2])
    return re.sub(r"-\d+(?:\.\d+)*$", "", parts[0]) or "unknown"


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file; raises :class:`~kg.errors.ParseError` naming the bad line."""
    p = Path(path)
    if not p.exists():
        raise KGInputError(
            f"gold file not found: {p}; pass a JSONL file like dev.jsonl", path=str(p)
        )
    docs: list[dict[str, Any]] = []
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ParseError(f"invalid JSON: {err.msg}", path=str(p), line=lineno) from err
            if not isinstance(obj, dict) or "text" not in obj or "triples" not in obj:
                raise ParseError(
                    "a gold line needs 'text' and 'triples' (see dev.jsonl)",
                    path=str(p),
                    line=lineno,
                )
            docs.append(obj)
    if not docs:
        raise ParseError("gold file has no documents", path=str(p))
    return docs


class _Clusters:
    """Gold entities of one document: each name and alias -> one cluster id."""

    def __init__(self, entities: Iterable[dict[str, Any]]) -> None:
        self.ids: dict[str, str] = {}
        for i, ent in enumerate(entities):
            cid = f"#{i}"
            for name in [ent.get("name", ""), *(ent.get("aliases") or [])]:
                if name:
                    self.ids.setdefault(_norm(name), cid)

    def keys(self, names: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for n in names:
            k = _norm(n)
            out.add(self.ids.get(k, k))
        return out


def _value_key(relation: str, text: str) -> str:
    if relation == "release_date":
        iso = normalise_date(text)
        return iso if iso else _norm(text)
    if relation == "country":
        return _norm(country_name(text) or text)
    return _norm(text)


def _fact_keys(fact: Fact, clusters: _Clusters) -> set[tuple[str, str, str]]:
    rel = fact.relation.value
    subjects = clusters.keys([fact.subject.name, *fact.subject.aliases])
    obj = fact.object
    if isinstance(obj, EntityRef):
        if rel == "country":
            objects = {_value_key(rel, n) for n in (obj.name, *obj.aliases)}
        else:
            objects = clusters.keys([obj.name, *obj.aliases])
    else:
        objects = {_value_key(rel, obj.text)}
    return {(s, rel, o) for s in subjects for o in objects}


def _find_sentence(text: str, *needles: str) -> str:
    for needle in needles:
        if not needle:
            continue
        low = needle.lower()
        for _s, _e, sent in sentences(text):
            if low in sent.lower():
                return sent
    return ""


def _explicit(triple: dict[str, Any]) -> bool:
    """Is a gold triple explicit? (Gold files without the field are.)"""
    return bool(triple.get("explicit", True))


def _obj_text(fact: Fact) -> str:
    return fact.object.name if isinstance(fact.object, EntityRef) else fact.object.text


@dataclass
class Judgement:
    """One document scored: each emitted fact with whether it is right, and the gold triples
    it missed (explicit ones in ``missed``, implicit ones in ``missed_implicit``)."""

    doc: Document
    source: str
    facts: list[tuple[Fact, bool]] = field(default_factory=list)
    found: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    missed_implicit: list[dict[str, Any]] = field(default_factory=list)
    unscored: int = 0


def gold_document(gold: dict[str, Any], number: int = 1) -> Document:
    """The :class:`~kg.model.Document` an extractor reads for a gold line (text and title only)."""
    return Document(
        id=str(gold.get("id", f"doc-{number}")),
        text=str(gold.get("text", "")),
        title=gold.get("title"),
        url=gold.get("url"),
        published=gold.get("published"),
    )


def judge_document(
    gold: dict[str, Any],
    facts: Iterable[Fact],
    *,
    number: int = 1,
    relations: frozenset[str] = GOLD_RELATIONS,
) -> Judgement:
    """Score ``facts`` extracted from one gold document against its gold triples.

    A fact is right when it matches any gold triple (explicit or implicit); a repeat of a fact
    already judged is skipped.
    """
    doc = gold_document(gold, number)
    judgement = Judgement(doc, source_family(str(gold.get("source", "unknown"))))
    relations = relations & SOURCE_RELATIONS.get(judgement.source, relations)
    clusters = _Clusters(gold.get("entities") or [])
    gold_keys: dict[tuple[str, str, str], dict[str, Any]] = {}
    for t in gold.get("triples") or []:
        rel = str(t.get("relation", ""))
        if rel not in relations:
            continue
        (s,) = clusters.keys([str(t["subject"])])
        if rel in ("release_date", "country"):
            o = _value_key(rel, str(t["object"]))
        else:
            (o,) = clusters.keys([str(t["object"])])
        gold_keys.setdefault((s, rel, o), t)
    covered: set[tuple[str, str, str]] = set()
    seen_pred: set[frozenset[tuple[str, str, str]]] = set()
    for fact in facts:
        if fact.relation.value not in relations:
            judgement.unscored += 1
            continue
        keys = frozenset(_fact_keys(fact, clusters))
        if keys in seen_pred:
            continue
        seen_pred.add(keys)
        hit = keys & gold_keys.keys()
        judgement.facts.append((fact, bool(hit)))
        # a prediction whose subject has aliases may state several gold triples at once
        # ("Vase de Noces", also known as "Wedding Trough"); each gold triple counts once
        for key in hit - covered:
            judgement.found.append(gold_keys[key])
        covered |= hit
    for key, t in gold_keys.items():
        if key not in covered:
            (judgement.missed if _explicit(t) else judgement.missed_implicit).append(t)
    return judgement


def evaluate_documents(
    docs: list[dict[str, Any]],
    *,
    extractor: str = DEFAULT_EXTRACTOR,
    errors: int = 10,
    relations: frozenset[str] = GOLD_RELATIONS,
    gazetteer: Gazetteer | None = None,
) -> EvalReport:
    """Score ``extractor`` on gold documents (dicts as in the gold JSONL), given the names a store
    knows (``gazetteer``) or none."""
    run = get_extractor(extractor)
    report = EvalReport(extractor=extractor)
    by_sr: dict[str, dict[str, Score]] = defaultdict(lambda: defaultdict(Score))
    for number, gold in enumerate(docs, 1):
        report.documents += 1
        doc = gold_document(gold, number)
        judged = judge_document(gold, run(doc, gazetteer), number=number, relations=relations)
        source = judged.source
        report.unscored += judged.unscored
        for t in judged.found:
            score = by_sr[source][str(t["relation"])]
            if _explicit(t):
                score.tp += 1
            else:
                score.ti += 1
        for fact, right in judged.facts:
            if right:
                continue
            by_sr[source][fact.relation.value].fp += 1
            if len(report.false_positives) < errors:
                sentence = fact.evidence.sentence if fact.evidence else ""
                report.false_positives.append(
                    ErrorExample(
                        doc.id,
                        source,
                        fact.subject.name,
                        fact.relation.value,
                        _obj_text(fact),
                        sentence,
                    )
                )
        for t in judged.missed_implicit:
            by_sr[source][str(t["relation"])].mi += 1
        for t in judged.missed:
            by_sr[source][str(t["relation"])].fn += 1
            if len(report.false_negatives) < errors:
                report.false_negatives.append(
                    ErrorExample(
                        doc.id,
                        source,
                        str(t["subject"]),
                        str(t["relation"]),
                        str(t["object"]),
                        _find_sentence(doc.text, str(t["object"]), str(t["subject"])),
                    )
                )
    for source, rels in by_sr.items():
        src = report.by_source.setdefault(source, Score())
        report.by_source_relation[source] = dict(rels)
        for rel, score in rels.items():
            src.add(score)
            report.by_relation.setdefault(rel, Score()).add(score)
            report.overall.add(score)
    return report


def evaluate(
    gold_path: str | Path, *, extractor: str = DEFAULT_EXTRACTOR, errors: int = 10
) -> EvalReport:
    """Run ``extractor`` on every document of a gold JSONL file and score it.

    >>> import json, tempfile, os
    >>> line = {"id": "x", "source": "demo/1", "title": "Heat", "text": "Heat was directed by Michael Mann.",
    ...         "entities": [], "triples": [{"subject": "Heat", "relation": "director", "object": "Michael Mann"}]}
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
    ...     _ = fh.write(json.dumps(line) + "\\n")
    >>> evaluate(fh.name).overall.as_dict()["f1"]
    1.0
    >>> os.unlink(fh.name)
    """
    return evaluate_documents(load_gold(gold_path), extractor=extractor, errors=errors)


def _row(name: str, s: Score) -> str:
    return (
        f"{name:<24} {s.precision:>9.3f} {s.recall:>7.3f} {s.recall_all:>7.3f} {s.f1:>7.3f} "
        f"{s.tp:>5} {s.fp:>5} {s.fn:>5} {s.ti:>5} {s.mi:>5}"
    )


def format_report(report: EvalReport, *, by_source: bool = True) -> str:
    """Human-readable tables (overall, per source, per relation) and the error examples."""
    head = (
        f"{'':<24} {'precision':>9} {'recall':>7} {'r(all)':>7} {'f1':>7} "
        f"{'tp':>5} {'fp':>5} {'fn':>5} {'ti':>5} {'mi':>5}"
    )
    lines = [
        f"extractor {report.extractor} on {report.documents} documents",
        f"matching: {report.matching}",
        "recall: explicit gold triples found (r(all): explicit and implicit); precision: emitted "
        "facts matching any gold triple; tp/fn explicit found/missed, ti/mi implicit, fp wrong",
        "",
        head,
        _row("overall", report.overall),
    ]
    if by_source:
        lines += ["", "by source"] + [_row(k, v) for k, v in sorted(report.by_source.items())]
    lines += ["", "by relation"] + [_row(k, v) for k, v in sorted(report.by_relation.items())]
    if by_source:
        for src, rels in sorted(report.by_source_relation.items()):
            lines += ["", f"{src} by relation"] + [_row(k, v) for k, v in sorted(rels.items())]
    if report.unscored:
        lines += [
            "",
            f"unscored predictions (relations not in the gold vocabulary or not in the source's "
            f"annotation scheme): {report.unscored}",
        ]
    for title, items in (
        ("false positives", report.false_positives),
        ("false negatives", report.false_negatives),
    ):
        if items:
            lines += ["", f"first {len(items)} {title}"]
            for e in items:
                lines.append(f"- [{e.doc_id}] {e.subject} | {e.relation} | {e.object}")
                if e.sentence:
                    lines.append(f"    {e.sentence}")
    return "\n".join(lines)
