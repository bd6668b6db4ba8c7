"""Small dependency-tree helpers shared by the arguments and modality finders.

They read the parse from the per-Doc lists of ``nlp/doccache.py`` (labels, heads,
children by token index): these helpers run thousands of times per article, and
``token.dep_`` or ``token.children`` build new Python objects on every access.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..nlp.doccache import (child_indices, dep_labels, dependency_tree, lemma_lowers, lower_forms, morph_values,
                            subtree_bounds, token_table)

# Dependencies through which an act's governing word is reached ("veut rencontrer",
# "projet de remettre", "annonce la tenue d'un sommet").
GOVERNING_DEPS = ("xcomp", "ccomp", "obj", "csubj", "acl", "nmod", "obl:arg", "conj")


def dep(token: Token) -> str:
    """``token.dep_``, lower-cased."""
    return dep_labels(token.doc)[token.i]


def morph(token: Token, field: str) -> list[str]:
    """``token.morph.get(field)``, from the analyses read once per Doc."""
    return morph_values(token.doc, token.i, field)


def child_ids(token: Token, *deps: str) -> list[int]:
    """Indices of the children whose dependency is one of ``deps`` (or starts with ``dep:``)."""
    table = token_table(token.doc)
    prefixes = table.dep_prefixes  # a label with its parents: "obl:mod" is an "obl"
    return [j for j in table.kids[token.i] if not prefixes[j].isdisjoint(deps)]


def children(token: Token, *deps: str) -> list[Token]:
    """Children whose dependency is one of ``deps`` (or starts with ``dep:``)."""
    doc = token.doc
    table = token_table(doc)
    prefixes = table.dep_prefixes
    return [doc[j] for j in table.kids[token.i] if not prefixes[j].isdisjoint(deps)]


def subtree_ids(token: Token) -> list[int]:
    """Indices of ``token.subtree`` (in no particular order)."""
    kids = child_indices(token.doc)
    out, todo = [], [token.i]
    while todo:
        i = todo.pop()
        out.append(i)
        todo.extend(kids[i])
    return out


def case_of(token: Token) -> str | None:
    """The preposition marking a nominal ("à", "avec", "entre"), lower-cased."""
    doc = token.doc
    _, labels, kids = dependency_tree(doc)
    i = token.i
    cases = [j for j in kids[i] if j < i and labels[j] in ("case", "mark")]
    if not cases:
        return None
    lowers = lower_forms(doc)
    return " ".join(lowers[j] for j in cases)


def is_passive(verb: Token) -> bool:
    """A passive clause: "être" + participle or "par X"; a reflexive "s'est rendue" is active
    even where the parser labels its subject ``nsubj:pass``."""
    doc = verb.doc
    kids = child_indices(doc)[verb.i]
    lemmas = lemma_lowers(doc)
    if any(lemmas[j] == "se" for j in kids):
        return False
    if verb.pos_ == "ADJ" and any(c.lemma_ == "être" for c in children(verb, "cop")):
        return True  # "a été empoisonné" tagged as a copula and an adjective
    labels = dep_labels(doc)
    return bool(child_ids(verb, "aux:pass") or any(labels[j] == "obl:agent" for j in kids))


# Besides, a purpose clause ("ont manifesté pour dénoncer") is the content of the act it serves.
CONTENT_DEPS = GOVERNING_DEPS + ("advcl",)


def governors(token: Token, max_depth: int = 4, deps: tuple[str, ...] = GOVERNING_DEPS) -> Iterator[Token]:
    """The chain of words governing ``token`` through complement-like dependencies."""
    doc = token.doc
    table = token_table(doc)
    heads, prefixes = table.heads, table.dep_prefixes
    cur = token.i
    for _ in range(max_depth):
        if heads[cur] == cur or prefixes[cur].isdisjoint(deps):
            return
        cur = heads[cur]
        yield doc[cur]


def conjuncts(token: Token) -> list[Token]:
    """The token and the heads it is coordinated with ("X et Y")."""
    doc = token.doc
    return [doc[i] for i in conjunct_ids(doc, token.i)]


def conjunct_ids(doc: Doc, i: int) -> list[int]:
    """Indices of token ``i`` and of the heads coordinated with it, ascending."""
    table = token_table(doc)
    prefixes, kids = table.dep_prefixes, table.kids
    out, todo = [], [i]
    while todo:
        j = todo.pop()
        out.append(j)
        todo.extend(k for k in kids[j] if "conj" in prefixes[k])
    out.sort()
    return out


_CLAUSE_DEPS = ("conj", "cc", "acl:relcl", "advcl", "punct", "parataxis")


def own_span(token: Token) -> tuple[int, int]:
    """Token index range of ``token``'s subtree without its conjuncts and clauses."""
    doc = token.doc
    _, labels, kids = dependency_tree(doc)
    start = end = token.i
    for j in kids[token.i]:
        label = labels[j]
        if label in _CLAUSE_DEPS or label.startswith("acl"):
            continue
        low, high = subtree_bounds(doc, j)
        start, end = min(start, low), max(end, high)
    return start, end + 1
