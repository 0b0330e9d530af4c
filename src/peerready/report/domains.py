"""One view per domain: its scores and band, every item with the group's answer or the spread
of votes, the group's notes, and the recommendations written out under it."""

from __future__ import annotations

from peerready.i18n import Lang, format_number
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import CHECKLIST_SCALE, ChecklistItem, Option, RatedItem, ScoredItem
from peerready.model.result import DomainResult, ItemStats, ScoreResult
from peerready.report.baseline import Comparison
from peerready.report.format import delta_view, percent_text, rank_name, score_text
from peerready.report.view import DomainView, ItemView, Legend, RecommendationView, Segment
from peerready.report.words import word

SHADES = 5


def _shades(options: list[Option]) -> dict[str, int]:
    """Option id → shade 0 … 4, by its points: lowest lightest, so lightness carries the order."""
    levels = sorted({o.points for o in options})
    top = max(len(levels) - 1, 1)
    return {o.id: round(levels.index(o.points) / top * (SHADES - 1)) for o in options}


def _ordered(options: list[Option]) -> list[Option]:
    return sorted(options, key=lambda o: o.points)


class DomainBuilder:
    """Builds domain views for one result in one language."""

    def __init__(
        self, instrument: Instrument, result: ScoreResult, lang: Lang, comparison: Comparison | None
    ) -> None:
        self.q = instrument.questionnaire
        self.result = result
        self.lang = lang
        self.comparison = comparison
        self.consensus = result.mode == "consensus"
        self.numbers = {item.id: n for n, item in enumerate(self.q.all_items, start=1)}

    def domain(
        self, found: DomainResult, full: list[RecommendationView], also: list[RecommendationView]
    ) -> DomainView:
        lang = self.lang
        spec = self.q.domain_by_id[found.domain]
        stats = {s.item: s for s in found.items}
        items = [self.item(item, stats[item.id]) for item in spec.scored_items]
        agreement = found.agreement
        change = self.comparison.domains.get(found.domain) if self.comparison else None
        spread = found.respondents
        return DomainView(
            id=found.domain,
            title=found.title.get(lang),
            description=spec.description.get(lang),
            critical=found.critical,
            scored=found.score is not None,
            score=score_text(found.score, lang),
            band=found.band_label.get(lang) if found.band_label else word("insufficient", lang),
            rank=rank_name(found.band, self.q.bands_for(spec)),
            favourable=percent_text(found.favourable, lang),
            coverage=percent_text(found.coverage, lang),
            agreement=""
            if agreement is None or agreement.rwg_j is None
            else format_number(agreement.rwg_j, lang, 2),
            low_agreement=bool(agreement and agreement.low),
            spread=(
                f"{score_text(spread.min, lang)}–{score_text(spread.max, lang)}"
                if not self.consensus and spread.n >= 2
                else None
            ),
            delta=delta_view(change, lang),
            new=bool(self.comparison and found.domain in self.comparison.new),
            items=items,
            legends=[] if self.consensus else self.legends(spec.scored_items),
            recommendations=full,
            see_also=also,
        )

    def item(self, item: ScoredItem, stats: ItemStats) -> ItemView:
        lang = self.lang
        options = self.q.options_of(item)
        labels = {o.id: o.label.get(lang) for o in options}
        answer = anchor = None
        if self.consensus:
            chosen = next((o for o, n in stats.distribution.items() if n), None)
            answer, anchor = self._answer(item, chosen, stats, labels)
        shades = _shades(options)
        segments = [
            Segment(
                stats.distribution[o.id],
                100 * stats.distribution[o.id] / stats.answered,
                shades[o.id],
                labels[o.id],
            )
            for o in _ordered(options)
            if stats.answered and stats.distribution.get(o.id)
        ]
        extra = [
            f"{count} {word(key, lang)}"
            for count, key in (
                (stats.dont_know, "dont_know"),
                (stats.not_applicable, "not_applicable"),
                (stats.missing, "unanswered"),
            )
            if count and not self.consensus
        ]
        return ItemView(
            number=self.numbers[item.id],
            id=item.id,
            text=item.text.get(lang),
            answer=answer,
            anchor=anchor,
            segments=segments,
            distribution=", ".join(f"{s.label} {s.count}" for s in segments),
            extra=" · ".join(extra),
            score=score_text(stats.score, lang),
            favourable=percent_text(stats.favourable, lang),
            agreement="" if stats.rwg is None else format_number(stats.rwg, lang, 2),
            low_agreement=stats.low_agreement,
            flagged=item.id in self.result.flagged,
            note=self.result.notes.get(item.id),
        )

    def _answer(
        self, item: ScoredItem, chosen: str | None, stats: ItemStats, labels: dict[str, str]
    ) -> tuple[str, str | None]:
        lang = self.lang
        if chosen is None:
            given = "dont_know" if stats.dont_know else "not_applicable" if stats.not_applicable else ""
            return word(given or "unanswered", lang).capitalize(), None
        anchors = item.anchors if isinstance(item, RatedItem) else None
        anchor = anchors.get(chosen) if anchors else None
        return labels[chosen], anchor.get(lang) if anchor else None

    def legends(self, items: list[ScoredItem]) -> list[Legend]:
        """One key per distinct set of options in the domain, in the order they first appear."""
        seen: dict[tuple[str, ...], Legend] = {}
        for item in items:
            options = _ordered(self.q.options_of(item))
            key = tuple(o.id + o.label.get(self.lang) for o in options)
            if key not in seen:
                shades = _shades(options)
                seen[key] = Legend(
                    label=self._scale_label(item),
                    options=[(shades[o.id], o.label.get(self.lang)) for o in options],
                )
        return list(seen.values())

    def _scale_label(self, item: ScoredItem) -> str:
        if isinstance(item, RatedItem):
            return self.q.scale_by_id[item.scale].label.get(self.lang)
        if isinstance(item, ChecklistItem):
            return CHECKLIST_SCALE.label.get(self.lang)
        return f"{word('question', self.lang)} {self.numbers[item.id]}"
