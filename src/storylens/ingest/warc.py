"""WARC and WARC.gz crawls through warcio: each HTML response record becomes an article.

Records that are not successful HTML responses (requests, metadata, images, robots.txt,
redirects) are not articles and are skipped without a reject.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storylens.errors import InputError, UnreadableInput
from storylens.ingest.base import ReadContext, Result
from storylens.ingest.encoding import charset_of
from storylens.ingest.html import read_html
from storylens.ingest.sniff import looks_like_html
from storylens.model import Reject


def read_warc(stream: IO[bytes], source: str, ctx: ReadContext) -> Iterator[Result]:
    cap = ctx.config.max_document_bytes
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{uri or f'record{records}'}"
            status = record.http_headers.get_statuscode()
            ctype = record.http_headers.get_header("Content-Type") or ""
            if status != "200" or ("html" not in ctype.lower() and ctype):
                continue
            payload = record.content_stream().read(cap + 1)
            if len(payload) > cap:
                yield Reject(where, f"record over the cap of {cap} bytes (max_document_bytes)")
                continue
            if not ctype and not looks_like_html(payload[:4096]):
                continue
            charset = charset_of(ctype)
            try:
                yield from read_html(payload, where, ctx, url=uri or None, charset=charset)
            except InputError as exc:
                yield Reject(exc.source, exc.reason)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        if records == 0:
            raise UnreadableInput(source, f"not a readable WARC file: {exc}") from exc
        yield Reject(source, f"WARC file is broken after record {records}: {exc}; "
                     "the records before it were read")

