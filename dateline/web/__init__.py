"""dateline's web application: JSON API, server-rendered pages with JSON twins.

>>> from dateline.web import create_app
>>> app = create_app("dateline.db")
"""
from .app import create_app

__all__ = ["create_app"]
