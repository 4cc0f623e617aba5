"""What every reader shares: the context it reads in and what it yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storylens.config import Config
from storylens.errors import InputError
from storylens.ingest.build import RawArticle, build_article
from storylens.ingest.fetch import Fetcher
from storylens.model import Article, Reject

Result = Article | Reject
"""A reader yields one of these per record: an article, or why a record could not be one."""


@dataclass(frozen=True, slots=True)
class ReadContext:
    config: Config
    fetcher: Fetcher | None = None  # None: offline, linked pages are not fetched
    outlet: str | None = None  # given by the user for every article of this run


def finish(raw: RawArticle, ctx: ReadContext) -> Result:
    """Build the article, turning a per-record input error into a reject."""
    try:
        return build_article(raw, outlet_override=ctx.outlet)
    except InputError as exc:
        return Reject(exc.source, exc.reason)


def single(raw: RawArticle, ctx: ReadContext) -> Iterator[Result]:
    yield finish(raw, ctx)
