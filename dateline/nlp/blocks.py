"""Sentence starts at line breaks, set before the parser runs.

News text comes as blocks separated by blank lines (headline, paragraphs); a
headline has no final full stop, and the parser would glue it to the next
sentence. spaCy's parser keeps sentence starts that are already set.
"""
from __future__ import annotations

from spacy.tokens import Doc


class BlockSplitter:
    """Marks the first token after a line break as a sentence start."""

    def __call__(self, doc: Doc) -> Doc:
        after_break = True
        for token in doc:
            if token.is_space or not token.text.strip():
                if "\n" in token.text or "\n" in token.whitespace_:
                    after_break = True
                continue
            if after_break:
                token.is_sent_start = True
                after_break = False
            if "\n" in token.whitespace_:
                after_break = True
        return doc
