"""The FastAPI app: REST API under ``/api``, web UI at ``/``, OpenAPI at ``/docs``.

Each request opens the store and closes it after (SQLite in WAL mode: readers never wait for
the writer). Errors reach clients as problem details (RFC 9457 JSON on the API, a page in the
UI), never as a stack trace. Every response carries a strict Content-Security-Policy.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storylens.config import Config
from storylens.store import Store, open_store

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class AppState:
    """What every request needs: where the store is, the settings, the ingest token."""

    db: Path | None
    config: Config
    token: str | None
    refresh_lock: threading.Lock = field(default_factory=threading.Lock)

    def store(self) -> Store:
        return open_store(self.db)

    def stores(self) -> Iterator[Store]:
        store = self.store()
        try:
            yield store
        finally:
            store.close()


def create_app(
    db: Path | str | None = None, config: Config | None = None, token: str | None = None
) -> FastAPI:
    """The app over the store at ``db`` (default: as the CLI finds it). The ingest token is
    ``token``, else the config's ``serve.api_token``, else ``STORYLENS_API_TOKEN``."""
    from storylens.web import api, ui

    config = config or Config()
    token = token or config.serve.api_token or os.environ.get("STORYLENS_API_TOKEN") or None
    state = AppState(Path(db) if db is not None else config.db, config, token)
    app = FastAPI(
        title="storylens",
        summary="News events, their sources, what they agree on and where they differ.",
        version="0.1.0",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.storylens = state
    app.include_router(api.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        # the OpenAPI page loads its own script and styles; everything else is locked down
        if not request.url.path.startswith(("/docs", "/openapi.json")):
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _problem(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return _problem(request, 422, f"invalid request: {where}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _problem(request, 500, "internal error: the server log has the details")

    return app


_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    500: "Internal server error",
    503: "Service unavailable",
}


def _problem(request: Request, status: int, detail: str) -> Response:
    title = _TITLES.get(status, "Error")
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(
            {"type": "about:blank", "title": title, "status": status, "detail": detail},
            status_code=status,
            media_type="application/problem+json",
            headers=headers,
        )
    from storylens.web.ui import error_page

    return error_page(request, status, title, detail)
