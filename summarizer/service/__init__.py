"""The HTTP service (``summarizer serve``; needs the ``server`` extra: FastAPI and uvicorn).

``create_app(settings)`` builds the FastAPI app; ``run_server(host, port)`` runs it. See
:mod:`summarizer.service.app` for the endpoints and :mod:`summarizer.service.config` for the
settings (``SUMMARIZER_SERVICE_*``).
"""

from __future__ import annotations

from .app import create_app, openapi_spec, run_server
from .config import ServiceSettings, load_service_settings

__all__ = ["ServiceSettings", "create_app", "load_service_settings", "openapi_spec", "run_server"]
