"""Serving storylens: the REST API and the web UI, one FastAPI app over the library.

``create_app(db)`` builds it; ``storylens serve`` runs it with uvicorn. Both the API and the UI
read through :mod:`storylens.web.queries`, which caches what the comparison stage computes per
event in the store.
"""

from storylens.web.app import create_app

__all__ = ["create_app"]
