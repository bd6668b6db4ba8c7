"""Which of the known people sharing a surname ("short" form) a text means."""
from __future__ import annotations

from collections.abc import Container

from .kb import Actor

_LEADER_OFFICES = {"head_of_state", "head_of_government"}


def pick_short(actors: list[Actor], full_ids: set[str], linked: Container[str],
               when: str | None) -> Actor | None:
    """The person a bare surname designates, or None.

    ``full_ids``: the actors named in full in the article; ``linked``: the ids
    already linked; ``when``: the article's date (ISO prefix).
    """
    named = [a for a in actors if a.id in full_ids or a.id in linked]
    if named:
        return named[0]
    serving = [a for a in actors if any(r.holds_on(when) for r in a.roles)]
    if serving:
        return serving[0]
    # Out of office and not named in full: only former leaders are known by surname alone
    # ("Pinochet", "Chirac"); "Colonna" alone is not the former minister.
    actors = [a for a in actors if _LEADER_OFFICES & set(a.offices)]
    if not actors:
        return None
    if when is None:
        return actors[0] if len(actors) == 1 else None
    return min(actors, key=lambda a: _years_from(a, when))


def _years_from(actor: Actor, when: str) -> int:
    """Years between ``when`` and the nearest start or end of one of the actor's roles."""
    best = 10 ** 6
    for r in actor.roles:
        for bound in (r.start, r.end):
            if bound:
                best = min(best, abs(int(bound[:4]) - int(when[:4])))
    return best
