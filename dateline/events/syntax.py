"""Small dependency-tree helpers shared by the arguments and modality finders."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

# Dependencies through which an act's governing word is reached ("veut rencontrer",
# "projet de remettre", "annonce la tenue d'un sommet").
GOVERNING_DEPS = ("xcomp", "ccomp", "obj", "csubj", "acl", "nmod", "obl:arg", "conj")


def dep(token: Token) -> str:
    return token.dep_.lower()


def children(token: Token, *deps: str) -> list[Token]:
    """Children whose dependency is one of ``deps`` (or starts with ``dep:``)."""
    return [c for c in token.children if any(dep(c) == d or dep(c).startswith(d + ":") for d in deps)]


def case_of(token: Token) -> str | None:
    """The preposition marking a nominal ("à", "avec", "entre"), lower-cased."""
    cases = [c for c in token.children if dep(c) in ("case", "mark") and c.i < token.i]
    if not cases:
        return None
    return " ".join(c.lower_ for c in cases)


def is_passive(verb: Token) -> bool:
    """A passive clause: "être" + participle or "par X"; a reflexive "s'est rendue" is active
    even where the parser labels its subject ``nsubj:pass``."""
    if any(c.lemma_.lower() == "se" for c in verb.children):
        return False
    if verb.pos_ == "ADJ" and any(c.lemma_ == "être" for c in children(verb, "cop")):
        return True  # "a été empoisonné" tagged as a copula and an adjective
    return bool(children(verb, "aux:pass") or [c for c in verb.children if dep(c) == "obl:agent"])


# Besides, a purpose clause ("ont manifesté pour dénoncer") is the content of the act it serves.
CONTENT_DEPS = GOVERNING_DEPS + ("advcl",)


def governors(token: Token, max_depth: int = 4, deps: tuple[str, ...] = GOVERNING_DEPS) -> Iterator[Token]:
    """The chain of words governing ``token`` through complement-like dependencies."""
    cur = token
    for _ in range(max_depth):
        if cur.head is cur or not any(dep(cur) == d or dep(cur).startswith(d + ":") for d in deps):
            return
        cur = cur.head
        yield cur


def conjuncts(token: Token) -> list[Token]:
    """The token and the heads it is coordinated with ("X et Y")."""
    out, todo = [], [token]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(children(t, "conj"))
    return sorted(out, key=lambda t: t.i)


def own_span(token: Token) -> tuple[int, int]:
    """Token index range of ``token``'s subtree without its conjuncts and clauses."""
    skip = {c.i for c in token.children
            if dep(c) in ("conj", "cc", "acl:relcl", "advcl", "punct", "parataxis") or dep(c).startswith("acl")}
    idx = [token.i]
    for c in token.children:
        if c.i not in skip:
            idx.extend(t.i for t in c.subtree)
    return min(idx), max(idx) + 1
