"""HTML fragments (feed entries) to plain text, safely.

The markup is untrusted: it is only tokenised by the standard library's parser,
never rendered or evaluated; script-like elements are dropped with their content.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_DROPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object",
                      "embed", "svg", "math", "head", "title", "form", "button", "select"})
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "tr", "table", "blockquote", "section", "article", "header", "footer",
                     "hr", "pre", "figure", "figcaption", "dd", "dt", "aside"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0\n]*")
_RUNS = re.compile(r"[ \t\r\f\v]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0  # depth inside dropped elements

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROPPED:
            self._dropping += 1
        elif tag in _BLOCKS and not self._dropping:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        # A self-closed tag (<br/>, <script/>) opens nothing.
        if tag in _BLOCKS and not self._dropping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCKS and not self._dropping:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The readable text of an HTML fragment: paragraphs on their own lines, no markup."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    text = "".join(collector.parts)
    lines = [_RUNS.sub(" ", line).strip() for line in _SPACES.split(text)]
    # Paragraphs separated by a blank line, as the plain-text formats have them.
    return "\n\n".join(line for line in lines if line)
