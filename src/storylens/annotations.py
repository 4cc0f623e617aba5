"""An article's annotations as people read them, for the CLI and the web page alike: its
entities with their mention counts and written forms, a claim's value in figures and what the
claim is about. The records they read are those of ``storylens article ID --json``
(:func:`storylens.export.article_record`)."""

from __future__ import annotations

from typing import Any


def entity_rows(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An article's entities, most mentioned first: id, name, label, mentions, the forms
    written other than the name, and the first mention (for a link to where it is named)."""
    rows: dict[Any, dict[str, Any]] = {}
    for m in mentions:
        key = m["entity_id"] if m["entity_id"] is not None else ("unresolved", m["text"])
        row = rows.setdefault(
            key,
            {
                "id": m["entity_id"],
                "name": m["canonical"] or m["text"],
                "label": m["label"],
                "mentions": 0,
                "forms": {},
                "first": m,
            },
        )
        row["mentions"] += 1
        row["forms"][m["text"]] = None
    for row in rows.values():
        row["forms"] = [f for f in row["forms"] if f != row["name"]]
    return sorted(rows.values(), key=lambda r: (-r["mentions"], r["first"]["start"]))


def figure(value: object) -> str:
    """A claim's value as people write it: 3549.0 as "3,549", 4.25 as is, text as is."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def claim_value(claim: dict[str, Any]) -> str:
    """ "at least 7 people", "4.25 %", "2026-03-09": qualifier, value, unit, per what."""
    parts = [claim.get("qualifier"), figure(claim["value"]), claim.get("unit")]
    text = " ".join(p for p in parts if p)
    return f"{text} per {claim['per']}" if claim.get("per") else text


def claim_about(claim: dict[str, Any], limit: int = 100) -> str:
    """What a claim is about: its referent, who did what, when and where (the place of a
    place claim is its value), each cut at ``limit`` characters."""
    doer = " ".join(p for p in (claim.get("subject"), claim.get("predicate")) if p)
    place = claim.get("place") if claim["kind"] != "place" else None
    parts = [claim.get("referent"), doer, claim.get("time"), place]
    return " · ".join(cut(p, limit) for p in parts if p)


def cut(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters, cut at a word with "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]  # not in the middle of a word
    return head.rstrip(" ,;:") + "…"
