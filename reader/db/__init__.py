"""The only layer that speaks SQL: connection, migrations and queries (sqlite-utils)."""
