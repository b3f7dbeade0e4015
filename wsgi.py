"""WSGI entry point: `gunicorn wsgi:app`, or `factcheck serve`, which runs gunicorn for you."""
from factcheck.web import create_app

app = create_app()
