"""The per-Doc token look-ups the actors stage uses instead of scanning every Token."""
from __future__ import annotations

import spacy
from spacy.attrs import LOWER, ORTH

from dateline.nlp.doccache import actors_tokens_among, actors_tokens_containing


def test_token_lookups_agree_with_a_token_scan():
    doc = spacy.blank("fr")('Il a dit : " Je viens. "\n\nElle, elle "reste".\n\n\n Ce dernier Il')
    assert actors_tokens_among(doc, LOWER, ("il", "elle")) == [
        t.i for t in doc if t.lower_ in ("il", "elle")]
    assert actors_tokens_among(doc, ORTH, ('"',)) == [t.i for t in doc if t.text == '"']
    assert actors_tokens_containing(doc, "\n\n") == [t.i for t in doc if "\n\n" in t.text]
    assert actors_tokens_among(doc, LOWER, ()) == []
    assert actors_tokens_containing(spacy.blank("fr")("sans saut"), "\n\n") == []
