"""Fetching URLs: the :class:`Fetcher` protocol, the httpx implementation, and a fake for tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

import httpx

from storylens.config import FetchConfig
from storylens.errors import FetchError, InputTooLarge
from storylens.ingest.encoding import charset_of


@dataclass(frozen=True, slots=True)
class FetchResponse:
    url: str  # after redirects
    content: bytes
    content_type: str | None = None

    @property
    def charset(self) -> str | None:
        return charset_of(self.content_type)


class Fetcher(Protocol):
    def fetch(self, url: str) -> FetchResponse:
        """Fetch ``url``; raise :class:`~storylens.errors.FetchError` on any failure."""
        ...


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(url, "only http:// and https:// URLs can be fetched")


class HttpxFetcher:
    """Fetch with httpx: timeouts, bounded redirects, a size cap, and a clear user agent."""

    def __init__(self, config: FetchConfig, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(config.timeout_seconds),
            follow_redirects=True,
            max_redirects=config.max_redirects,
            headers={"User-Agent": config.user_agent, "Accept": "text/html,application/xml,*/*"},
        )

    def fetch(self, url: str) -> FetchResponse:
        check_url(url)
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(url, f"server answered HTTP {response.status_code}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self._max_bytes:
                    raise InputTooLarge(
                        url,
                        f"{declared} bytes is over the cap of "
                        f"{self._max_bytes} (max_document_bytes)",
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self._max_bytes:
                        raise InputTooLarge(
                            url,
                            f"body is over the cap of {self._max_bytes} bytes (max_document_bytes)",
                        )
                    chunks.append(chunk)
                return FetchResponse(
                    url=str(response.url),
                    content=b"".join(chunks),
                    content_type=response.headers.get("content-type"),
                )
        except httpx.TimeoutException as exc:
            raise FetchError(
                url,
                f"timed out ({type(exc).__name__}); try again later or raise fetch.timeout_seconds",
            ) from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, "too many redirects") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"could not fetch: {exc}") from exc

    def close(self) -> None:
        self._client.close()


class FakeFetcher:
    """A :class:`Fetcher` that serves fixed responses; unknown URLs fail like a 404."""

    def __init__(self, pages: dict[str, tuple[bytes, str]]) -> None:
        self.pages = pages
        self.requested: list[str] = []

    def fetch(self, url: str) -> FetchResponse:
        check_url(url)
        self.requested.append(url)
        if url not in self.pages:
            raise FetchError(url, "server answered HTTP 404")
        content, content_type = self.pages[url]
        return FetchResponse(url=url, content=content, content_type=content_type)
