"""The article objects ``POST /api/articles`` accepts (EVENTS.md section 1)."""
from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..model import Article

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ArticleIn(BaseModel):
    """One article: ``date`` (publication, YYYY-MM-DD) and ``text`` are required."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str | None = Field(None, max_length=300, examples=["frwikinews-44940"])
    date: str = Field(..., examples=["2012-08-17"], description="publication date, YYYY-MM-DD")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    text: str = Field(..., description="the article text (offsets refer to it as given)")

    @field_validator("date")
    @classmethod
    def _date(cls, value: str) -> str:
        if not _DAY.match(value):
            raise ValueError(f"date must be YYYY-MM-DD, not {value!r}")
        try:
            dt.date.fromisoformat(value)
        except ValueError as err:
            raise ValueError(f"date {value!r} is not a calendar day ({err})") from None
        return value

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value

    def to_article(self, index: int = 0) -> Article:
        """The ``Article`` (an id from the content when none was given)."""
        article = Article(id=self.id or "", date=dt.date.fromisoformat(self.date),
                          text=self.text, title=self.title, url=self.url, source="api")
        if not article.id:
            article.id = "api-" + article.content_hash[:12]
        return article
