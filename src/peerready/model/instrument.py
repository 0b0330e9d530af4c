"""A questionnaire together with the catalogue it draws its recommendations from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from peerready.model.catalogue import Catalogue, Recommendation
from peerready.model.questionnaire import Questionnaire, Source


@dataclass(frozen=True)
class Instrument:
    """A questionnaire with the catalogue it draws recommendations from."""

    questionnaire: Questionnaire
    catalogue: Catalogue | None
    origin: str

    @cached_property
    def recommendations(self) -> list[Recommendation]:
        """The catalogue's recommendations about at least one of the questionnaire's domains."""
        if self.catalogue is None:
            return []
        domains = self.questionnaire.domain_by_id.keys()
        return [r for r in self.catalogue.recommendations if set(r.domains) & domains]

    @cached_property
    def sources(self) -> dict[str, Source]:
        extra = self.catalogue.sources if self.catalogue else []
        return {s.id: s for s in [*extra, *self.questionnaire.sources]}
