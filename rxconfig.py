"""Reflex configuration: one port for frontend and backend, the database from settings."""

import reflex as rx

from livinglab import settings

config = rx.Config(
    app_name="livinglab",
    db_url=settings.DATABASE_URL,
    frontend_port=settings.PORT,
    backend_port=settings.PORT,
    api_url=f"http://localhost:{settings.PORT}",
    deploy_url=f"http://localhost:{settings.PORT}",
    backend_host="0.0.0.0",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
