"""The bundled sample week: every contradiction planted in it (docs/samples.md) is found,
and nothing else is called a contradiction."""

from __future__ import annotations

from pathlib import Path

from storylens.compare.brief import briefs
from storylens.enrich import Enricher
from storylens.events import Clusterer, featurize
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "storylens" / "samples"

# (a word of the event's title, relation, the relation's note)
PLANTED = {
    ("Bridge", "conflict:number", "Seven / Nine"),
    ("Bridge", "conflict:name", "Ilsa / Ilse"),
    ("Bridge", "conflict:speaker", "Mayor Ilsa Marchetti / Transport Minister Dario Fenn"),
    ("rate", "conflict:number", "6.1% / 6.4%"),
    ("rate", "conflict:number", "unanimously / 5-2"),
    ("Reyk", "conflict:attribution", "Channel 9 / Radio Veloria"),
    ("Reyk", "conflict:referent", "2 billion / 2 billion"),
    ("Reyk", "conflict:speaker", "Finance Minister Aida Kors / Reyk"),
    ("Wildfire", "conflict:number", "2,300 / 3,200"),
    ("Wildfire", "conflict:place", "south of Brenna / north of Brenna"),
    ("Solvane", "conflict:number", "12 million / 1.2 million"),
    ("Solvane", "conflict:name", "Solvane / Solvayne"),
    ("Cup", "conflict:date", "Saturday / Sunday"),
    ("Cup", "conflict:name", "Acres / Akers"),
    ("Cup", "conflict:number", "89th minute / 88th minute"),
    ("Cup", "conflict:number", "52 / 54"),  # the manager's age
}


def _sides(note: str) -> tuple[str, ...]:
    """ "a / b" and "b / a" are one note: the order follows the reports' order."""
    return tuple(sorted(note.split(" / ")))


def test_planted_contradictions(store: SQLiteStore) -> None:
    ingest([str(SAMPLES)], store, reader_process=False)
    assert not Enricher(store).run().failed
    featurize(store)
    Clusterer(store).run()
    found = set()
    for brief in briefs(store):
        word = next(
            w
            for w in ("Bridge", "rate", "Reyk", "Wildfire", "Solvane", "Cup")
            if w in brief.event.title
        )
        found |= {(word, r.relation, _sides(r.note)) for r in brief.differ}
    assert found == {(w, r, _sides(n)) for w, r, n in PLANTED}
