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
    # Reflex state is a cache rebuilt from the database on every (re)connect: memory in one
    # process (the default, disk, pickled every tab's state to .states/ on each event and
    # stat-ed every file to purge them: a full core with 300 phones), Redis for several.
    state_manager_mode=(
        rx.constants.StateManagerMode.REDIS
        if settings.REDIS_URL
        else rx.constants.StateManagerMode.MEMORY
    ),
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
