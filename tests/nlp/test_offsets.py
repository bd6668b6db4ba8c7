"""The parser reads a normalised copy; every offset must still slice the original text."""
from dateline.nlp.offsets import normalise


def test_typographic_marks_are_normalised_for_the_parser():
    text = "Le chef de l’État a dit « non »\u00a0: c’est fini…"
    norm, _ = normalise(text)
    assert norm == "Le chef de l'État a dit \" non \" : c'est fini..."


def test_offsets_map_back_to_the_original_text():
    text = "Il a dit « l’accord est mort… » puis l’a signé à Hanoï."
    norm, offsets = normalise(text)
    for word in ("l'accord", "mort...", "l'a signé", "Hanoï", "puis"):
        i = norm.index(word)
        start, end = offsets.span(i, i + len(word))
        assert normalise(text[start:end])[0] == word
    # the expanded ellipsis maps to its single original character
    i = norm.index("...")
    assert text[slice(*offsets.span(i, i + 3))] == "…"


def test_text_without_typographic_marks_is_left_alone():
    norm, offsets = normalise("Rien à changer ici.")
    assert norm == "Rien à changer ici." and offsets.identity
    assert offsets.span(3, 8) == (3, 8)


def test_every_normalised_character_maps_to_the_one_it_replaces():
    import random

    from dateline.nlp.offsets import REPLACEMENTS

    marks = list(REPLACEMENTS)
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(marks + list("ab é\n.")) for _ in range(rng.randint(0, 40)))
        norm, offsets = normalise(text)
        assert norm == "".join(REPLACEMENTS.get(ch, ch) for ch in text)
        for i, ch in enumerate(norm):
            start, end = offsets.span(i, i + 1)
            assert end == start + 1 and ch in REPLACEMENTS.get(text[start], text[start])
