"""Frameworks: models, loading, merging with a base, checks and the registry."""
