"""Training kroniek's learned models from gold chronicles (kroniek train)."""
