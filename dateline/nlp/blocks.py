"""Sentence starts at line breaks, set before the parser runs.

News text comes as blocks separated by blank lines (headline, paragraphs); a
headline has no final full stop, and the parser would glue it to the next
sentence. spaCy's parser keeps sentence starts that are already set.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc

from .doccache import doc_text

_NEWLINE = re.compile("\n")


class BlockSplitter:
    """Marks the first word of the Doc, and the first word after each line break, as a sentence start.

    Line breaks are whitespace tokens holding a newline (spaCy keeps a single
    space after a word as the word's ``whitespace_``, any other whitespace as a
    token of its own). The positions come from the Doc's columns and the text's
    newlines, so only the tokens marked become ``Token`` objects.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([IS_SPACE, IDX])
        words = np.flatnonzero(table[:, 0] == 0)
        if not words.size:
            return doc
        text = doc_text(doc)
        newlines = [m.start() for m in _NEWLINE.finditer(text)]
        holders = np.searchsorted(table[:, 1], np.asarray(newlines, dtype=table.dtype), side="right") - 1
        breaks = np.unique(holders[table[holders, 0] == 1]) if holders.size else holders
        after = np.searchsorted(words, breaks, side="right")  # the first word after each break
        for i in sorted({int(words[0]), *words[after[after < words.size]].tolist()}):
            doc[i].is_sent_start = True
        return doc
