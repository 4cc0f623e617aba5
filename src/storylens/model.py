"""Frozen values that flow through storylens.

An :class:`Article` is the unit everything else points into: later annotations (mentions,
quotes, claims, citations) are character offsets into ``Article.text`` and never copy text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

Published = datetime | date | None


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into one article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """The exact text this span names."""
        return text[self.start : self.end]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Spans of the paragraphs of ``text``: runs of text separated by blank lines.

    >>> [s.of("One.\\n\\nTwo.") for s in paragraph_spans("One.\\n\\nTwo.")]
    ['One.', 'Two.']
    """
    spans: list[Span] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            spans.append(_trimmed(text, start, brk.start()))
        start = brk.end()
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return tuple(spans)


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def content_hash(title: str, text: str) -> str:
    """SHA-256 of the normalised title and text: equal for byte-different but same content.

    Whitespace runs and Unicode compatibility forms are folded so that a re-encoded or
    re-wrapped copy of the same article hashes the same.
    """
    norm = unicodedata.normalize("NFKC", f"{title}\n{text}")
    norm = " ".join(norm.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news report, as read from one source.

    Attributes:
        id: stable id: the record's own id when the source gives one, else derived from the
            canonical URL, else from the content hash (see :func:`make_article_id`).
        url: canonical URL where known.
        outlet: registrable domain of the URL (``bbc.co.uk``), or the name the source gives.
        title: headline, may be empty.
        published: timezone-aware datetime where known, a date where only the day is known,
            else ``None``; never invented.
        language: ISO 639-1 code (``en``), detected when the source does not say.
        text: clean UTF-8 body, paragraphs separated by one blank line.
        source: the file, URL, feed item or record it came from (``path.jsonl:12``).
        content_hash: :func:`content_hash` of title and text.
        metadata: extra fields the source carried, kept as given (JSON-serialisable).
    """

    id: str
    url: str | None
    outlet: str | None
    title: str
    published: Published
    language: str | None
    text: str
    source: str
    content_hash: str
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return paragraph_spans(self.text)

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published is not None else None

    @property
    def display_title(self) -> str:
        """The title, or the opening words of the text when there is none."""
        return self.title.strip() or opening_words(self.text)


TITLE_CHARS = 90


def opening_words(text: str, limit: int = TITLE_CHARS) -> str:
    """The first line of ``text``, white space collapsed, cut after a whole word with "…" when
    longer than ``limit`` characters.

    >>> opening_words("US State Secretary Antony Blinken reiterated his support", 40)
    'US State Secretary Antony Blinken…'
    """
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    cut = line[: limit + 1].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


def make_article_id(*, given: str | None, url: str | None, chash: str) -> str:
    """The article id rule: the source's own id, else a hash of the URL, else of the content."""
    if given:
        return given
    basis = f"url:{url}" if url else f"content:{chash}"
    return "a" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:15]


ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: offsets into its article's text, never a copy of the text.

    ``canonical`` is the id of the store-wide :class:`Entity` it belongs to, once resolved.
    """

    start: int
    end: int
    label: str
    canonical: int | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution (who said what), in citron's shape: cue, sources, contents as spans.

    ``contents`` may have several spans ("A," he said, "B."). ``speaker`` is the canonical entity
    id of the source, once resolved.
    """

    cue: tuple[Span, ...]
    sources: tuple[Span, ...]
    contents: tuple[Span, ...]
    direct: bool
    speaker: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: offsets, and the lemmas of its content words (lower case,
    no stop words), which the comparison stage aligns sentences across articles by.
    ``finite``: whether it has a finite verb; a photo caption ("Google's blog page introducing
    its new chatbot Bard."), a credit or a heading has none. ``caption``: whether it is (mostly)
    a photo caption or credit (``storylens.enrich.captions``), which tells of a picture, not the
    story."""

    start: int
    end: int
    lemmas: tuple[str, ...]
    finite: bool = True
    caption: bool = False

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Claim:
    """A comparable fact: a number, a date, a place, a venue or an attribution, in one sentence.

    ``value`` is normalised (a float for numbers, an ISO date for dates, a name otherwise);
    text fields (``referent``, ``per``, ``subject``) are phrases of the article, kept as
    strings because they are compared across articles; ``span`` and ``sentence`` are offsets.
    """

    kind: str
    value: float | str
    span: Span
    sentence: Span
    unit: str | None = None
    qualifier: str | None = None
    referent: str | None = None
    per: str | None = None
    subject: str | None = None
    predicate: str | None = None
    time: str | None = None
    place: str | None = None
    source: str | None = None

    def as_dict(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            name: getattr(self, name)
            for name in (
                "kind",
                "value",
                "unit",
                "qualifier",
                "referent",
                "per",
                "subject",
                "predicate",
                "time",
                "place",
                "source",
            )
        }
        out["span"] = {"start": self.span.start, "end": self.span.end, "text": self.span.of(text)}
        out["sentence"] = {
            "start": self.sentence.start,
            "end": self.sentence.end,
            "text": self.sentence.of(text),
        }
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place across the whole store, whatever its spellings."""

    id: int
    name: str
    label: str
    aliases: tuple[str, ...]
    articles: int


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not become an article, and why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store holds it: the latest revision plus bookkeeping."""

    article: Article
    revision: int
    seq: int
    near_duplicate_of: str | None
    ingested_at: str

    def summary(self) -> dict[str, Any]:
        """The fields of ``storylens articles --json`` (one JSON line per article)."""
        a = self.article
        return {
            "id": a.id,
            "url": a.url,
            "outlet": a.outlet,
            "title": a.title,
            "published": a.published_iso,
            "language": a.language,
            "chars": len(a.text),
            "near_duplicate_of": self.near_duplicate_of,
        }

    def full(self) -> dict[str, Any]:
        """Everything about the article, text and paragraph offsets included."""
        a = self.article
        return {
            **self.summary(),
            "source": a.source,
            "content_hash": a.content_hash,
            "revision": self.revision,
            "ingested_at": self.ingested_at,
            "metadata": a.metadata,
            "paragraphs": [[p.start, p.end] for p in a.paragraphs],
            "text": a.text,
        }


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did; the CLI's ``--json`` summary."""

    added: int = 0
    duplicates: int = 0
    revisions: int = 0
    rejected: tuple[Reject, ...] = ()
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "revisions": self.revisions,
            "rejected": [{"source": r.source, "reason": r.reason} for r in self.rejected],
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What the event stage compares: a unit vector of the title and lead, lemma counts
    (lead counted twice), canonical entity mention counts, and the article's day if known."""

    article_id: str
    day: str | None
    vector: Any  # numpy float32 array of the embedder's dimensions
    terms: dict[str, int]
    entities: dict[int, int]


@dataclass(frozen=True, slots=True)
class Event:
    """Reports of one real-world happening, as the store groups them."""

    id: int
    title: str
    start: str | None
    end: str | None
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    key_entities: tuple[str, ...]
    main_place: str | None
    storyline_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "article_ids": list(self.article_ids),
            "outlets": list(self.outlets),
            "independent_sources": self.independent_sources,
            "key_entities": list(self.key_entities),
            "main_place": self.main_place,
            "storyline_id": self.storyline_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """The inverse of :meth:`as_dict` (other keys are ignored)."""
        return cls(
            id=int(data["id"]),
            title=str(data["title"]),
            start=data["start"],
            end=data["end"],
            article_ids=tuple(data["article_ids"]),
            outlets=tuple(data["outlets"]),
            independent_sources=int(data["independent_sources"]),
            key_entities=tuple(data["key_entities"]),
            main_place=data["main_place"],
            storyline_id=data.get("storyline_id"),
        )
