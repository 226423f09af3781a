"""Rendering results as text, JSON and other formats."""
