"""The values the comparison stage produces: relations between source statements of one event.

A :class:`Relation` says how statements of different reports relate (they agree, one is the only
source, one refines the other, they conflict and how). Each :class:`Side` is a span of one
article's text: a sentence, and inside it the words that matter (``highlight``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storylens.model import Span

AGREE = "agree"
UNIQUE = "unique"
REFINES = "refines"
UPDATE = "differs:update"
CONFLICT_PREFIX = "conflict:"


@dataclass(frozen=True, slots=True)
class Side:
    """One report's part in a relation: a sentence (``start``/``end``) and, inside it, the
    words compared (``highlight``); offsets into that article's text."""

    article_id: str
    outlet: str | None
    start: int
    end: int
    text: str
    highlight: Span | None = None

    def as_dict(self, article_text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        if self.highlight is not None:
            h = self.highlight
            out["highlight"] = {
                "start": h.start,
                "end": h.end,
                "text": article_text[h.start : h.end] if article_text is not None else None,
            }
        return out


@dataclass(frozen=True, slots=True)
class Relation:
    """How statements of an event's reports relate.

    Attributes:
        relation: ``agree``, ``unique``, ``refines``, ``differs:update`` or
            ``conflict:<kind>`` (number, referent, attribution, date, place, name, speaker).
        kind: what was compared: ``statement``, ``number``, ``date``, ``place``, ``name``,
            ``quote``.
        confidence: 0-1, how sure the comparison is of the label.
        sides: the reports' spans, at least one.
        sources: independent sources among the sides (copies of one original count once).
        note: one line saying what differs or agrees ("7.9 vs 7.8", "Antony / Anthony").
        camps: for a conflict, which of the two accounts each side gives (0 or 1, in the
            order of ``sides``: "Antony" is 0, "Anthony" 1); empty for other relations.
    """

    relation: str
    kind: str
    confidence: float
    sides: tuple[Side, ...]
    sources: int
    note: str = ""
    camps: tuple[int, ...] = ()

    def _camp_fields(self) -> list[dict[str, int]]:
        if not self.camps:
            return [{} for _ in self.sides]
        return [{"camp": c} for c in self.camps]

    def opposed(self) -> set[frozenset[tuple[str, int]]]:
        """The pairs of sentences (article id, start) this conflict sets against each other
        (none when its camps are not known)."""
        if not self.camps:
            return set()
        return {
            frozenset(((a.article_id, a.start), (b.article_id, b.start)))
            for a, ca in zip(self.sides, self.camps, strict=True)
            for b, cb in zip(self.sides, self.camps, strict=True)
            if ca != cb
        }

    @property
    def is_conflict(self) -> bool:
        return self.relation.startswith(CONFLICT_PREFIX)

    def as_dict(self, texts: dict[str, str] | None = None) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "sources": self.sources,
            "note": self.note,
            "sides": [
                {**s.as_dict((texts or {}).get(s.article_id)), **camp}
                for s, camp in zip(self.sides, self._camp_fields(), strict=True)
            ],
        }
