"""The throwaway PostgreSQL server of tests/postgres.py: each test gets a real, empty database of
its own, and the databases are dropped afterwards."""
from .postgres import drop_database, fresh_database


def test_a_database_keeps_what_is_written(postgres_url):
    import psycopg  # lazily: without it the fixture skips, saying so
    text = "Zürich: rates cut by 0.25 % — €5"  # -E UTF8: non-ASCII text comes back as it went in
    with psycopg.connect(postgres_url) as conn:
        conn.execute("CREATE TABLE claims (id serial PRIMARY KEY, text text NOT NULL)")
        conn.execute("INSERT INTO claims (text) VALUES (%s)", (text,))
    with psycopg.connect(postgres_url) as conn:  # a new connection: the row was committed
        assert conn.execute("SELECT id, text FROM claims").fetchall() == [(1, text)]


def test_databases_are_independent(postgres_server, postgres_url):
    import psycopg
    with psycopg.connect(postgres_url) as conn:
        conn.execute("CREATE TABLE claims (text text)")
    other = fresh_database(postgres_server)
    try:
        assert other != postgres_url
        with psycopg.connect(other) as conn:
            # empty: the first database's table is not there, and the same name is free
            assert conn.execute("SELECT to_regclass('claims')").fetchone() == (None,)
            conn.execute("CREATE TABLE claims (text text)")
    finally:
        drop_database(postgres_server, other)
    with psycopg.connect(postgres_server) as conn:
        name = other.split("?")[0].rsplit("/", 1)[1]
        assert conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchall() == []
