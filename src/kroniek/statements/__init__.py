"""kroniek.statements: quotes and reported speech (stage ``statements.quotes/v1``), and who the article
attributes a passage to (``source_of``, ``speech_cues`` in ``kroniek.statements.attribution``).
See docs/statements.md."""
