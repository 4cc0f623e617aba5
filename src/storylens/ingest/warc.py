"""WARC and WARC.gz crawls through warcio: each HTML response record becomes an article.

Records that are not successful HTML responses (requests, metadata, images, robots.txt,
redirects) are not articles and are skipped without a reject.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from storylens.errors import InputError, UnreadableInput
from storylens.ingest.base import ReadContext, Result
from storylens.ingest.encoding import charset_of
from storylens.ingest.html import read_html
from storylens.ingest.sniff import looks_like_html
from storylens.model import Reject


def read_warc(stream: IO[bytes], source: str, ctx: ReadContext) -> Iterator[Result]:
    cap = ctx.config.max_document_bytes
    records = ArchiveIterator(stream)
    count = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # warcio raises many types on damaged input
            if count == 0:
                raise UnreadableInput(source, f"not a readable WARC file: {exc!r}") from exc
            yield Reject(
                source,
                f"WARC file is broken after record {count} ({exc!r}); the "
                "records before it were read",
            )
            return
        count += 1
        try:
            yield from _record_results(record, f"{source}#record{count}", source, ctx, cap)
        except InputError as exc:
            yield Reject(exc.source, exc.reason)
        except Exception as exc:
            yield Reject(f"{source}#record{count}", f"damaged WARC record ({exc!r})")


def _record_results(
    record: ArcWarcRecord, fallback: str, source: str, ctx: ReadContext, cap: int
) -> Iterator[Result]:
    if record.rec_type != "response" or record.http_headers is None:
        return
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{source}#{uri}" if uri else fallback
    status = record.http_headers.get_statuscode()
    ctype = record.http_headers.get_header("Content-Type") or ""
    if status != "200" or (ctype and "html" not in ctype.lower()):
        return
    payload = record.content_stream().read(cap + 1)
    if len(payload) > cap:
        yield Reject(where, f"record over the cap of {cap} bytes (max_document_bytes)")
        return
    if getattr(record.raw_stream, "limit", 0) > 0:
        # Fewer bytes than the record's Content-Length: the file ends inside this record.
        yield Reject(where, "record is truncated (the WARC file ends inside it)")
        return
    if not ctype and not looks_like_html(payload[:4096]):
        return
    yield from read_html(payload, where, ctx, url=uri or None, charset=charset_of(ctype))
