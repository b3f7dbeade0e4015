"""`factcheck serve`: the service on gunicorn, with the reference loaded once before forking."""
from __future__ import annotations

import os
import sys

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, app, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def serve(host: str, port: int, workers: int | None) -> int:
    from . import create_app
    app = create_app()          # a broken data file stops here, before the port is taken
    workers = workers or os.cpu_count() or 1
    address = f"http://{host}:{port}"
    print(f"factcheck: serving {address} with {workers} worker{'s' if workers > 1 else ''} "
          f"({len(app.extensions['factcheck'].reference.claims)} claims); Ctrl+C stops", file=sys.stderr, flush=True)
    _Server(app, {
        "bind": f"{host}:{port}", "workers": workers, "worker_class": "sync",
        "timeout": 30, "graceful_timeout": 10, "keepalive": 2,
        "max_requests": 2000, "max_requests_jitter": 200,
        "accesslog": None, "errorlog": "-", "loglevel": "warning",
        "proc_name": "factcheck",
    }).run()
    return 0
