"""The bundled questionnaires and catalogue hang together."""

from __future__ import annotations

from peerready import resources
from peerready.documents.loader import load_instrument
from peerready.model.criteria import referenced


def test_every_item_a_recommendation_names_is_asked_somewhere() -> None:
    """Catalogue criteria may name items a short questionnaire lacks, but a name no bundled
    questionnaire has is a typo that would silently never trigger."""
    instruments = [load_instrument(name) for name in resources.bundled_questionnaire_ids()]
    asked = {item for i in instruments for item in i.questionnaire.item_by_id}
    catalogue = instruments[0].catalogue
    assert catalogue is not None
    for rec in catalogue.recommendations:
        for criterion in rec.when:
            _, items, _ = referenced(criterion)
            assert items <= asked, f"{rec.id} names items no questionnaire asks: {sorted(items - asked)}"


def test_the_default_questionnaire_is_bundled() -> None:
    assert resources.DEFAULT_QUESTIONNAIRE in resources.bundled_questionnaire_ids()
