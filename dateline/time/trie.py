"""Word lists as prefix-factored regexes: "juin|juillet" -> "jui(?:n|llet)".

Python's regex engine tries the branches of an alternation one by one; sharing
prefixes makes a list of a hundred words cost a handful of comparisons.
"""
from __future__ import annotations

import re


def trie_regex(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A non-capturing regex matching exactly ``words`` (longest alternative first)."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _node(trie)
    return f"(?:{body})" if body else "(?!)"


def _node(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch]
    # longer continuations first, so "juillet" is preferred to "juil." and "mois" to "mo"
    branches.sort(key=len, reverse=True)
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    alternation = "(?:" + "|".join(branches) + ")"
    return alternation + "?" if ends_here else alternation
