"""dateline's web application: a JSON API and server-rendered pages with JSON twins.

>>> from dateline.web import create_app
>>> app = create_app("dateline.db")          # or: dateline serve --db dateline.db

JSON API (OpenAPI at ``/docs``); lists answer ``{"items", "total", "next"}``:

* ``GET /api/events``, ``GET /api/timeline``: filters ``actor``, ``country`` (comma:
  all of them), ``type``, ``modality``, ``date_from``, ``date_to``, ``q``; ``limit``,
  ``offset``
* ``GET /api/events/{id}``: the event with its mentions
* ``GET /api/actors?q=``, ``GET /api/actors/{id}``: actors, one actor with its events and
  partners
* ``GET /api/dyad?a=USA&b=PRK``: events between two sides by month and quad class
* ``GET /api/search?q=``, ``GET /api/articles/{id}``, ``GET /api/stats``
* ``POST /api/articles``: one article or a list (EVENTS.md section 1), extracted and stored

Pages (each also as JSON: the same URL + ``.json``, or ``?format=json``):
``/timeline``, ``/events/{id}``, ``/actors``, ``/actors/{id}?partner=``, ``/dyad``,
``/search?q=``, ``/articles/{id}``. Article text is untrusted: templates autoescape,
highlighting cuts escaped text at offsets, and pages carry a strict
Content-Security-Policy (scripts and styles only from ``/static``).
"""
from .app import create_app

__all__ = ["create_app"]
