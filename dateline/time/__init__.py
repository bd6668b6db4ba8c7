"""The temporal stage: TIMEX3 tagging and normalisation of French text.

Mechanisms only; what French says about time is data in ``lang/fr/time/*.toml``.

* ``rules``: load the TOML rule data, compile it into one pattern
* ``tagger``: ``TimeTagger(lang)``, the spaCy-facing stage (sets ``doc._.timexes``)
* ``resolve``: one match -> its TIMEX3 value (normalise, anchor, pick, shift)
* ``anchor``: the reference time (DCT or narrated time) and the tense of the governing verb
* ``value``: calendar arithmetic and ISO 8601 prefixes
* ``numbers``: numbers in digits, words and Roman numerals
* ``consistency``: findings where an article's dates contradict each other
* ``evaluate``: TempEval-3 scoring and TimeML reading
"""
