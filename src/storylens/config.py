"""One typed, validated configuration. Defaults live here; unknown keys are rejected.

A config file is TOML (``storylens --config FILE`` or ``STORYLENS_CONFIG``) whose keys are the
field names below, e.g.::

    max_document_bytes = 5_000_000
    [dedup]
    threshold = 0.6
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from storylens.errors import ConfigError


class DedupConfig(BaseModel):
    """Near-duplicate detection (see docs/dedup.md for how these were measured)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Measured on ../shared/eval/dev (docs/dedup.md, 2026-11-21): 5-word shingles with a
    # containment bar of 0.45 link every wire copy there with no false link; at 0.35 two
    # independent agency reports of the Hatay quake (containment 0.33-0.49) merge.
    shingle_words: int = Field(default=5, ge=1, le=12)
    num_perm: int = Field(default=128, ge=16, le=1024)
    # LSH banding: articles sharing any of `lsh_bands` bands of `lsh_rows` MinHash values are
    # candidates. 64 x 2 proposes a pair with Jaccard 0.15 (a copy cut to a third of its
    # original) 77% of the time and one with Jaccard 0.3 99.8% of the time; with 4 rows per
    # band, copies cut at different lengths on the dev data were never proposed.
    lsh_bands: int = Field(default=64, ge=1)
    lsh_rows: int = Field(default=2, ge=1)
    threshold: float = Field(default=0.45, gt=0.0, le=1.0)
    # Shingles an article needs before it can be called a copy (short items share boilerplate).
    min_shingles: int = Field(default=25, ge=1)


class FetchConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    timeout_seconds: float = Field(default=20.0, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    user_agent: str = "storylens/0.1 (+https://github.com/storylens/storylens)"
    fetch_linked_pages: bool = True


class ServeConfig(BaseModel):
    """``storylens serve``: the REST API and web UI."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # POST /api/ingest needs `Authorization: Bearer <token>`; without a token (here or in
    # STORYLENS_API_TOKEN) the endpoint is off
    api_token: str | None = None
    max_body_bytes: int = Field(default=5_000_000, ge=1_000)
    refresh_after_ingest: bool = True  # enrich and cluster what an ingest request added


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    db: Path | None = None
    # One document (a page, a text file, a feed, one JSON record or WARC record); container
    # files (JSON Lines, WARC) are streamed and may be larger in total.
    max_document_bytes: int = Field(default=10_000_000, ge=1_000)
    batch_size: int = Field(default=200, ge=1)
    # Read in a child process while the main one writes (only on machines with 2+ cores).
    reader_process: bool = True
    dedup: DedupConfig = DedupConfig()
    fetch: FetchConfig = FetchConfig()
    serve: ServeConfig = ServeConfig()


def load_config(path: Path | None = None) -> Config:
    """Read the config file (``path``, else ``$STORYLENS_CONFIG``, else defaults).

    Raises:
        ConfigError: when the file is missing, not TOML, or has unknown or invalid keys.
    """
    env = os.environ.get("STORYLENS_CONFIG")
    if path is None and env:
        path = Path(env)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"invalid config file {path}:\n{exc}") from exc
