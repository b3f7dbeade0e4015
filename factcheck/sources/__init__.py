"""Sources: the bundled references of seeds/ and those added to the source store (SQLite or PostgreSQL)."""
