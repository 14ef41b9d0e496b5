"""Alembic migrations of the kroniek store, shipped inside the package and run on open."""
