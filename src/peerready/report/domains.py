"""One view per domain: its scores and level, every item with the group's answer or the spread
of votes (and its change since the baseline), the group's notes, and the numbers of the action
plan's recommendations about it."""

from __future__ import annotations

from peerready.i18n import Lang, format_number
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import CHECKLIST_SCALE, ChecklistItem, Option, RatedItem, ScoredItem
from peerready.model.result import Agreement, DomainResult, ItemStats, ScoreResult, Summary
from peerready.report.baseline import Comparison
from peerready.report.figures import delta_view, percent_text, rank_name, score_text
from peerready.report.plan_view import RecRef
from peerready.report.view import Distribution, DomainView, ItemView, Legend, Segment
from peerready.report.words import word

MANY = 10  # respondents from which a domain shows the distribution of their own scores


def tones(options: list[Option]) -> dict[str, str]:
    """Option id → a tone of a diverging palette centred on the middle answer: 'low-2', 'low-1',
    'mid', 'high-1', 'high-2' (the ends strongest; a scale without a middle has no 'mid')."""
    levels = sorted({o.points for o in options})
    centre = (len(levels) - 1) / 2
    shown = {}
    for option in options:
        offset = levels.index(option.points) - centre
        strength = max(1, round(abs(offset) / max(centre, 0.5) * 2))
        shown[option.id] = "mid" if offset == 0 else f"{'low' if offset < 0 else 'high'}-{strength}"
    return shown


def distribution(spread: Summary, lang: Lang) -> Distribution | None:
    """The strip of many respondents' own scores: lowest to highest, mean ± one SD."""
    if spread.n < MANY or None in (spread.mean, spread.sd, spread.min, spread.max):
        return None
    mean, sd = spread.mean or 0.0, spread.sd or 0.0
    low, high = max(0.0, mean - sd), min(100.0, mean + sd)
    text = (
        word("distribution_text", lang)
        .replace("{mean}", score_text(mean, lang))
        .replace("{low}", score_text(low, lang))
        .replace("{high}", score_text(high, lang))
        .replace("{min}", score_text(spread.min, lang))
        .replace("{max}", score_text(spread.max, lang))
    )
    return Distribution(text, spread.min or 0.0, spread.max or 0.0, low, high, mean)


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

    def domain(self, found: DomainResult, refs: list[RecRef]) -> DomainView:
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
            agreement=_agreement_text(agreement, lang),
            low_agreement=bool(agreement and agreement.low),
            spread=(
                f"{score_text(spread.min, lang)}–{score_text(spread.max, lang)}"
                if not self.consensus and 2 <= spread.n < MANY
                else None
            ),
            distribution=None if self.consensus else distribution(spread, lang),
            delta=delta_view(change, lang),
            new=bool(self.comparison and found.domain in self.comparison.new),
            items=items,
            legends=[] if self.consensus else self.legends(spec.scored_items),
            refs=refs,
        )

    def item(self, item: ScoredItem, stats: ItemStats) -> ItemView:
        lang = self.lang
        options = self.q.options_of(item)
        labels = {o.id: o.label.get(lang) for o in options}
        answer = anchor = None
        if self.consensus:
            chosen = next((o for o, n in stats.distribution.items() if n), None)
            answer, anchor = self._answer(item, chosen, stats, labels)
        shown = tones(options)
        segments = [
            Segment(
                stats.distribution.get(o.id, 0),
                100 * stats.distribution.get(o.id, 0) / stats.answered,
                shown[o.id],
                labels[o.id],
            )
            for o in _ordered(options)
            if stats.answered
        ]
        change = self.comparison.items.get(item.id) if self.comparison else None
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
            delta=delta_view(change, lang),
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
                shown = tones(options)
                seen[key] = Legend(
                    label=self._scale_label(item),
                    options=[(shown[o.id], o.label.get(self.lang)) for o in options],
                )
        return list(seen.values())

    def _scale_label(self, item: ScoredItem) -> str:
        if isinstance(item, RatedItem):
            return self.q.scale_by_id[item.scale].label.get(self.lang)
        if isinstance(item, ChecklistItem):
            return CHECKLIST_SCALE.label.get(self.lang)
        return f"{word('question', self.lang)} {self.numbers[item.id]}"


def _agreement_text(agreement: Agreement | None, lang: Lang) -> str:
    """The domain's consistency in the words of its flag rule (how many statements split the
    group), not rwg(j): the flag follows the items, and a number beside it could contradict it."""
    if agreement is None or agreement.items == 0:
        return ""
    if agreement.flagged:
        return word("split_items", lang).format(flagged=agreement.flagged, items=agreement.items)
    return word("agreed_items", lang)
