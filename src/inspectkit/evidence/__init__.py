"""Evidence folders: models, loading and checks."""
