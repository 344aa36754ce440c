"""Link films, people and studios to Wikidata entities and add the facts we miss.

Films are matched by English label and type (``wdt:P31 wd:Q11424``), then told apart by context:
the year (``wdt:P577``) and the director (``wdt:P57``). A film with several candidates and no
context to choose between them is left alone. People and studios are linked only through a linked
film (its director ``P57``, cast ``P161``, production company ``P272``), never by name alone, so a
namesake is never merged.

What is found goes into its own named graph (:data:`ENRICH_GRAPH`), described with PROV-O like any
source: ``owl:sameAs`` links, and for linked films a missing release date and missing directors
(written through :mod:`kg.triples`, credits included). Requests carry ``kg``'s User-Agent, are
spaced by a minimum interval, and their answers are cached on disk (SQLite) so a second run asks
the server nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDFS
from rdflib.term import Identifier

from .iri import ENRICH_GRAPH
from .model import EntityRef, EntityType, Fact, Relation, Value, ValueType
from .namespace import KG
from .progress import enabled
from .query import with_prefixes
from .remote import RemoteEndpoint, RemoteResult
from .resolve import Resolver
from .store import Store, Triple
from .triples import SourceInfo, facts_to_triples, source_triples

__all__ = ["ENRICH_GRAPH", "AnswerCache", "EnrichReport", "enrich"]

LOADER = "enrich.wikidata.v1"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"

_FILM_QUERY = f"""SELECT ?item ?date ?role ?who ?whoLabel WHERE {{
  ?item <{RDFS.label}> ?label ; <{WDT}P31> <{WD}Q11424> .
  OPTIONAL {{ ?item <{WDT}P577> ?date }}
  OPTIONAL {{
    VALUES ?role {{ <{WDT}P57> <{WDT}P161> <{WDT}P272> }}
    ?item ?role ?who . ?who <{RDFS.label}> ?whoLabel FILTER(langMatches(lang(?whoLabel), "en"))
  }}
}}"""

_LOCAL_FILMS = """SELECT ?film ?title ?year ?date WHERE {
  ?film a kg:Film ; kg:title ?title .
  OPTIONAL { ?film kg:year ?year }
  OPTIONAL { ?film kg:releaseDate ?date }
}"""

_LOCAL_LINKS = """SELECT ?film ?prop ?who ?label WHERE {
  VALUES ?prop { kg:director kg:castMember kg:productionCompany }
  ?film a kg:Film ; ?prop ?who . ?who rdfs:label ?label
}"""


class AnswerCache:
    """Answers of a server by query text, in SQLite (``:memory:`` if no path)."""

    def __init__(self, path: Path | None) -> None:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path) if path is not None else ":memory:")
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, body TEXT)")
        self.hits = 0

    @staticmethod
    def key(url: str, sparql: str) -> str:
        return hashlib.sha256(f"{url}\n{sparql}".encode()).hexdigest()

    def get(self, url: str, sparql: str) -> list[dict[str, Any]] | None:
        row = self._db.execute(
            "SELECT body FROM answers WHERE key = ?", (self.key(url, sparql),)
        ).fetchone()
        if row is None:
            return None
        self.hits += 1
        return list(json.loads(row[0]))

    def put(self, url: str, sparql: str, rows: list[dict[str, Any]]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO answers VALUES (?, ?)",
            (self.key(url, sparql), json.dumps(rows)),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


@dataclass
class EnrichReport:
    """What :func:`enrich` found."""

    linked: dict[str, str] = field(default_factory=dict)
    ambiguous: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    facts: int = 0
    requests: int = 0
    cached: int = 0

    def summary(self) -> str:
        """One line for the CLI."""
        return (
            f"linked {len(self.linked)} entities; {len(self.ambiguous)} film(s) ambiguous, "
            f"{len(self.not_found)} not found; {self.facts} fact(s) added; "
            f"{self.requests} request(s), {self.cached} answer(s) from the cache"
        )


class _Pinned(Resolver):
    """A resolver that keeps the IRIs entities already have in the store."""

    def __init__(self, pinned: dict[tuple[EntityType, str], URIRef]) -> None:
        super().__init__()
        self.pinned = pinned

    def iri(self, ref: EntityRef) -> URIRef:
        return self.pinned.get((ref.type, ref.name)) or super().iri(ref)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _encode(row: tuple[Identifier | None, ...], columns: list[str]) -> dict[str, Any]:
    return {
        c: (None if t is None else [type(t).__name__, str(t)])
        for c, t in zip(columns, row, strict=True)
    }


def enrich(
    store: Store,
    endpoint: RemoteEndpoint,
    *,
    min_interval: float = 1.0,
    cache: Path | None = None,
    progress: bool = False,
) -> EnrichReport:
    """Link the store's films (and through them people and studios) to Wikidata entities.

    Parameters
    ----------
    endpoint:
        A Wikidata-compatible SPARQL endpoint (``https://query.wikidata.org/sparql`` or a mirror).
    min_interval:
        Seconds between two requests to the server (a rate limit; answers from the cache are free).
    cache:
        SQLite file of answers (default ``<store>/cache/enrich.sqlite``; in memory for a memory store).

    Returns
    -------
    EnrichReport
        Links made, films left alone, facts added. The graph :data:`ENRICH_GRAPH` is replaced.
    """
    from tqdm import tqdm

    sources = [g for g in store.named_graphs() if g != ENRICH_GRAPH]  # a re-run sees the same input

    def run_query(_: Store, sparql: str) -> Any:
        return store.query(with_prefixes(sparql), default_graphs=sources or [ENRICH_GRAPH])

    if cache is None and store.path is not None:
        cache = store.path / "cache" / "enrich.sqlite"
    answers = AnswerCache(cache)
    report = EnrichReport()
    last = [0.0]

    def ask(title: str) -> list[dict[str, Any]]:
        sparql = _FILM_QUERY
        key_text = f"{sparql}\n{title}"
        hit = answers.get(endpoint.url, key_text)
        if hit is not None:
            report.cached += 1
            return hit
        wait = last[0] + min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        result: RemoteResult = endpoint.query(sparql, bindings={"label": Literal(title, lang="en")})
        last[0] = time.monotonic()
        report.requests += 1
        rows = [_encode(r, result.columns) for r in result.rows()]
        answers.put(endpoint.url, key_text, rows)
        return rows

    films: dict[str, dict[str, Any]] = {}
    for film, title, year, date in run_query(store, _LOCAL_FILMS).rows():
        entry = films.setdefault(str(film), {"titles": set(), "year": None, "date": None})
        if isinstance(title, Literal) and title.language in (None, "en"):
            entry["titles"].add(str(title))
        if year is not None:
            entry["year"] = str(year)[:4]
        if date is not None:
            entry["date"] = str(date)
    local_links: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for film, prop, who, label in run_query(store, _LOCAL_LINKS).rows():
        local_links[str(film)][str(prop)][_norm(str(label))] = str(who)

    prop_of_role = {
        f"{WDT}P57": str(KG.director),
        f"{WDT}P161": str(KG.castMember),
        f"{WDT}P272": str(KG.productionCompany),
    }
    triples: list[Triple] = []
    facts: list[Fact] = []
    pinned: dict[tuple[EntityType, str], URIRef] = {}
    for film_iri, entry in tqdm(
        sorted(films.items()), desc="enrich", unit="film", disable=enabled(progress)
    ):
        titles = sorted(entry["titles"])
        if not titles:
            continue
        candidates: dict[str, dict[str, Any]] = {}
        for title in titles:
            for row in ask(title):
                item = row["item"][1]
                cand = candidates.setdefault(
                    item, {"years": set(), "dates": set(), "people": defaultdict(dict)}
                )
                if row.get("date"):
                    cand["dates"].add(row["date"][1][:10])
                    cand["years"].add(row["date"][1][:4])
                if row.get("role") and row.get("who"):
                    cand["people"][row["role"][1]][_norm(row["whoLabel"][1])] = (
                        row["who"][1],
                        row["whoLabel"][1],
                    )
        if not candidates:
            report.not_found.append(film_iri)
            continue
        mine = local_links.get(film_iri, {})
        directors = set(mine.get(str(KG.director), {}))

        scores = {item: _score(c, entry["year"], directors) for item, c in candidates.items()}
        ranked = sorted(candidates, key=scores.__getitem__, reverse=True)
        best = ranked[0]
        if scores[best] < 0 or (len(ranked) > 1 and scores[ranked[1]] == scores[best]):
            report.ambiguous.append(film_iri)
            continue
        cand = candidates[best]
        report.linked[film_iri] = best
        triples.append((URIRef(film_iri), OWL.sameAs, URIRef(best)))
        # people and studios on this film, matched by role and label
        for role, people in cand["people"].items():
            for key, (who, _label) in people.items():
                local = mine.get(prop_of_role[role], {}).get(key)
                if local is not None and local not in report.linked:
                    report.linked[local] = who
                    triples.append((URIRef(local), OWL.sameAs, URIRef(who)))
        # missing facts
        title = titles[0]
        film_ref = EntityRef(EntityType.FILM, title)
        pinned[(EntityType.FILM, title)] = URIRef(film_iri)
        if entry["date"] is None and len(cand["dates"]) == 1:
            facts.append(
                Fact(
                    film_ref,
                    Relation.RELEASE_DATE,
                    Value(next(iter(cand["dates"])), ValueType.DATE),
                )
            )
        if not directors:
            for who, label in cand["people"].get(f"{WDT}P57", {}).values():
                person = EntityRef(EntityType.PERSON, label)
                facts.append(Fact(film_ref, Relation.DIRECTOR, person))
                triples.append((_Pinned(pinned).iri(person), OWL.sameAs, URIRef(who)))
    added = list(facts_to_triples(facts, _Pinned(pinned), graph=ENRICH_GRAPH))
    report.facts = len(facts)
    info = SourceInfo(
        graph=ENRICH_GRAPH,
        path=endpoint.url,
        checksum=hashlib.sha256(json.dumps(sorted(report.linked.items())).encode()).hexdigest(),
        loader=LOADER,
        title="Links to Wikidata and facts found there",
        url=endpoint.url,
    )
    with store.writing():
        store.replace_graph(ENRICH_GRAPH, _unique([*triples, *added, *source_triples(info)]))
    answers.close()
    return report


def _score(cand: dict[str, Any], year: str | None, directors: set[str]) -> int:
    """How well a Wikidata candidate fits a local film: +2 per agreeing year or director,
    -10 when the candidate has a year or directors and none agree."""
    points = 0
    if year is not None:
        points += 2 if year in cand["years"] else -10 if cand["years"] else 0
    wd_directors = set(cand["people"].get(f"{WDT}P57", {}))
    if directors and wd_directors:
        points += 2 if directors & wd_directors else -10
    return points


def _unique(triples: Iterable[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))
