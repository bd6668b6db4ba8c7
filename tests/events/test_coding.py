"""PLOVER coding: CONSULT modes, CAMEO codes, contexts, PLOVER category."""
from __future__ import annotations

from dateline.events.coding import code, consult_mode, contexts_for
from dateline.events.lexicon import load_lexicon
from dateline.model import Entity, Place, plover_category

USA = Entity(id="s:usa", name="États-Unis", kind="state", country="USA")
PRK = Entity(id="s:prk", name="Corée du Nord", kind="state", country="PRK")
UN = Entity(id="o:un", name="ONU", kind="org", country="UNO")


def _entry(type_, lemma):
    return next(e for e in load_lexicon("fr").triggers if e.type == type_ and lemma in e.pattern[e.head])


def test_meeting_abroad_is_third_party():
    entry = _entry("CONSULT", "rencontrer")
    assert consult_mode(entry, [USA, PRK], Place("Singapour", "SGP")) == "third-party"
    assert code(entry, "CONSULT", [USA, PRK], Place("Singapour", "SGP")) == ("third-party", "044")


def test_meeting_with_an_igo_is_multilateral():
    assert consult_mode(_entry("CONSULT", "rencontrer"), [USA, UN], None) == "multilateral"


def test_visit_and_phone_modes_come_from_the_entry():
    assert consult_mode(_entry("CONSULT", "visite"), [USA], None) == "visit"
    assert consult_mode(_entry("CONSULT", "téléphoner"), [USA, PRK], None) == "phone"


def test_negated_entry_recoded_has_no_mode():
    assert code(_entry("AGREE", "accepter"), "REJECT", [USA], None) == (None, None)


def test_contexts_by_keyword(nlp_fr):
    ctx = load_lexicon("fr").contexts
    sent = next(nlp_fr("Le Venezuela a accordé l'asile politique au militant.").sents)
    assert "asylum" in contexts_for(sent, ctx)
    sent = next(nlp_fr("Le tribunal a condamné le ministre pour corruption.").sents)
    assert {"legal", "corruption"} <= set(contexts_for(sent, ctx))


def test_plover_category():
    assert plover_category("CONSULT", "intended") == "AGREE"
    assert plover_category("RETREAT", "future") == "CONCEDE"
    assert plover_category("SUPPORT", "negated") == "SUPPORT"
