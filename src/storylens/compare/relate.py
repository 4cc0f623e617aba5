"""From labelled pairs of statements to relations: agreeing statements are grouped (so five
reports of one figure make one ``agree`` with five sides), and the conflicts between two such
groups make one relation.

A relation counts independent sources: copies of one original (the syndication groups of
ingest) are one source, and so are two outlets whose sentences are word for word the same
long sentence (:func:`copied`): both ran one wire story, even when the rest of their pages
differ too much for the pages to be near-duplicates. An agreement needs two independent
sources."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storylens.compare.data import Report
from storylens.compare.model import AGREE, CONFLICT_PREFIX, Relation, Side
from storylens.model import Span

Node = tuple[int, int, int]  # report index, highlight start, highlight end


@dataclass(frozen=True, slots=True)
class Link:
    """Two reports' statements and how they relate."""

    relation: str
    kind: str
    a: tuple[int, Span]
    b: tuple[int, Span]
    confidence: float
    note: str = ""


class _Groups:
    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, x: Node) -> Node:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _node(side: tuple[int, Span]) -> Node:
    return side[0], side[1].start, side[1].end


def coherent_agreements(
    links: Sequence[Link], together: Callable[[Node, Node], bool]
) -> tuple[list[Link], list[Link]]:
    """Split agreeing ``links`` (most confident first) into those that may group and those
    that stand apart: a link joins two groups only if every statement of one may stand
    ``together`` with every statement of the other. Two statements each like a third may say
    two things of it ("Sanders has won ... in Oklahoma" / "Cruz topped his rivals in
    Oklahoma"); such a link is an agreement of its own."""
    group: dict[Node, frozenset[Node]] = {}
    joined: list[Link] = []
    apart: list[Link] = []
    for link in links:
        na, nb = _node(link.a), _node(link.b)
        ga, gb = group.get(na, frozenset({na})), group.get(nb, frozenset({nb}))
        if ga is gb:
            continue
        if not all(together(x, y) for x in ga for y in gb):
            apart.append(link)
            continue
        merged = ga | gb
        for node in merged:
            group[node] = merged
        joined.append(link)
    return joined, apart


def consistent(links: Sequence[Link]) -> list[Link]:
    """``links`` without the agreements their conflicts contradict. Agreements join groups
    most confident first, and one that would put two statements in conflict into one group
    goes: "2 billion euros for new housing" conflicts with "2 billion euros repairing the
    country's ageing bridges" and so does not agree with "2 billion euros over five years to
    repair ... bridges" either, whose words the referent check could not read; the conflict
    shows the difference, and the agreement holds the reports that give the figure for one
    thing."""
    conflicts = {
        frozenset((_node(x.a), _node(x.b))) for x in links if x.relation.startswith(CONFLICT_PREFIX)
    }
    if not conflicts:
        return list(links)
    agreements = sorted((x for x in links if x.relation == AGREE), key=lambda x: -x.confidence)
    _, refused = coherent_agreements(agreements, lambda x, y: frozenset((x, y)) not in conflicts)
    return [x for x in links if x not in refused]


def relations_from_links(
    reports: Sequence[Report], links: Sequence[Link], *, whole_sentences: bool = False
) -> list[Relation]:
    """Group ``links`` of one kind into relations (see module doc); agreements a conflict
    contradicts are left out (:func:`consistent`)."""
    links = consistent(links)
    groups = _Groups()
    for link in links:
        na, nb = _node(link.a), _node(link.b)
        groups.find(na)
        groups.find(nb)
        if link.relation == AGREE:
            groups.union(na, nb)
    members: dict[Node, set[Node]] = defaultdict(set)
    for node in list(groups.parent):
        members[groups.find(node)].add(node)
    spans = {_node(s): s[1] for link in links for s in (link.a, link.b)}
    merged: dict[tuple[str, Node, Node], list[Link]] = defaultdict(list)
    for link in links:
        ga, gb = groups.find(_node(link.a)), groups.find(_node(link.b))
        if link.relation == AGREE:
            merged[(AGREE, ga, ga)].append(link)
        else:
            low, high = sorted((ga, gb))
            merged[(link.relation, low, high)].append(link)
    out = []
    for (relation, ga, gb), group_links in merged.items():
        best = max(group_links, key=lambda x: x.confidence)
        # a conflict's first camp is the account its note names first (the best link's a)
        second: set[Node] = set()
        if relation != AGREE:
            second = members[gb] if groups.find(_node(best.a)) == ga else members[ga]
        nodes = sorted(members[ga] | members[gb], key=lambda n: (n in second, n))
        sides, camps = _sides(reports, nodes, spans, whole_sentences, second)
        sources = independent_sources(reports, nodes)
        if relation == AGREE and sources < 2:
            continue
        out.append(
            Relation(
                relation=relation,
                kind=best.kind,
                confidence=sum(x.confidence for x in group_links) / len(group_links),
                sides=sides,
                sources=sources,
                note=best.note,
                camps=camps if relation.startswith(CONFLICT_PREFIX) else (),
            )
        )
    return out


def _sides(
    reports: Sequence[Report],
    nodes: list[Node],
    spans: dict[Node, Span],
    whole: bool,
    second: set[Node],
) -> tuple[tuple[Side, ...], tuple[int, ...]]:
    """One side per sentence of ``nodes``, and each side's camp: 1 if its node is in
    ``second`` (the other account of a conflict), else 0. For an agreement ``second`` is
    empty."""
    out: list[Side] = []
    camps: list[int] = []
    seen: set[tuple[int, int]] = set()
    for node in nodes:
        report = reports[node[0]]
        span = spans[node]
        side = report.side(span)
        if whole:
            side = Side(side.article_id, side.outlet, side.start, side.end, side.text)
        if (node[0], side.start) in seen:
            continue
        seen.add((node[0], side.start))
        out.append(side)
        camps.append(1 if node in second else 0)
    return tuple(out), tuple(camps)


COPY_WORDS = 20  # a sentence this long, word for word in another outlet, was copied
COPY_SHARE = 0.8  # ... when this share of its four-word runs is in the other sentence
_WORD = re.compile(r"\w+")
# a quotation, one the sentence leaves open, or the end of one it did not open
_QUOTED = re.compile(r"[“\"][^“”\"]*(?:[”\"]|$)|^[^“”\"]*”")


@lru_cache(maxsize=1 << 14)
def _runs(sentence: str) -> tuple[int, frozenset[tuple[str, ...]]]:
    """The number of words of ``sentence`` outside quotation marks, and their four-word runs."""
    words = _WORD.findall(_QUOTED.sub(" ", sentence).casefold())
    return len(words), frozenset(tuple(words[i : i + 4]) for i in range(len(words) - 3))


def copied(a: str, b: str) -> bool:
    """Whether two sentences are one text: the shorter has :data:`COPY_WORDS` words or more
    and :data:`COPY_SHARE` of its four-word runs are in the other. Two reporters do not write
    twenty words the same way; a wire story run by two outlets does. Words in quotation marks
    are left out: outlets quoting one statement alike are not copying each other.

    >>> copied("Captain Olga Carmona fired the winner in the 29th minute as La Roja emulated "
    ...        "the men's team which had won the World Cup in 2010.",
    ...        "Captain Olga Carmona fired the winner in the 29th minute as La Roja emulated "
    ...        "the men’s team which had won the World Cup in 2010, even though Hermoso missed.")
    True
    >>> short = "Spain beat England 1-0 to win the World Cup."
    >>> copied(short, short)
    False
    """
    (n_short, short), (_, long_) = sorted((_runs(a), _runs(b)), key=lambda r: r[0])
    if n_short < COPY_WORDS or not short:
        return False
    return len(short & long_) >= COPY_SHARE * len(short)


def independent_sources(reports: Sequence[Report], nodes: Sequence[Node]) -> int:
    """How many independent sources the statements ``nodes`` come from (see module doc)."""
    sentences: dict[str, list[str]] = defaultdict(list)  # by syndication group
    for i, start, _end in nodes:
        report = reports[i]
        sentence = report.sentence_at(start)
        if sentence is not None:
            sentences[report.source].append(report.text[sentence.start : sentence.end])
        else:
            sentences.setdefault(report.source, [])
    groups = _Groups()  # over the sources' positions in ``sources``, as (x, 0, 0) nodes
    sources = list(sentences)
    for x, a in enumerate(sources):
        groups.find((x, 0, 0))
        for y in range(x + 1, len(sources)):
            if groups.find((x, 0, 0)) == groups.find((y, 0, 0)):
                continue  # already one source through a third
            if any(copied(u, v) for u in sentences[a] for v in sentences[sources[y]]):
                groups.union((x, 0, 0), (y, 0, 0))
    return len({groups.find((x, 0, 0)) for x in range(len(sources))})
