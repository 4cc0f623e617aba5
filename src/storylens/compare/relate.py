"""From labelled pairs of statements to relations: agreeing statements are grouped (so five
reports of one figure make one ``agree`` with five sides), and the conflicts between two such
groups make one relation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.data import Report
from storylens.compare.model import AGREE, Relation, Side
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


def relations_from_links(
    reports: Sequence[Report], links: Sequence[Link], *, whole_sentences: bool = False
) -> list[Relation]:
    """Group ``links`` of one kind into relations (see module doc)."""
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
            first, second = sorted((ga, gb))
            merged[(link.relation, first, second)].append(link)
    out = []
    for (relation, ga, gb), group_links in merged.items():
        nodes = sorted(members[ga] | members[gb])
        sides = _sides(reports, nodes, spans, whole_sentences)
        sources = len({reports[n[0]].source for n in nodes})
        if relation == AGREE and sources < 2:
            continue
        best = max(group_links, key=lambda x: x.confidence)
        out.append(
            Relation(
                relation=relation,
                kind=best.kind,
                confidence=sum(x.confidence for x in group_links) / len(group_links),
                sides=sides,
                sources=sources,
                note=best.note,
            )
        )
    return out


def _sides(
    reports: Sequence[Report], nodes: list[Node], spans: dict[Node, Span], whole: bool
) -> tuple[Side, ...]:
    out: list[Side] = []
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
    return tuple(out)
