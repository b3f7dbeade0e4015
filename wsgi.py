"""WSGI entry point: `gunicorn wsgi:app`, or `factcheck serve`, which runs gunicorn for you."""
from factcheck.engine import keep_loaded
from factcheck.web import create_app

app = create_app()
keep_loaded()       # the loaded references live as long as the process: out of every garbage collection
