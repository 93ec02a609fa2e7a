"""Sphinx configuration for the mockkit documentation."""

from __future__ import annotations

project = "mockkit"
author = "mockkit developers"
copyright = "2026, mockkit developers"
version = release = "0.1.0"

extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
