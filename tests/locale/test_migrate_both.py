"""scripts/migrate_both.py: both("da", "en") pairs move into the catalogue, safely and repeatably."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parent.parent.parent

MODULE = '''"""Words."""

from __future__ import annotations

from peerready.i18n import Lang, LText, both

WORDS: dict[str, LText] = {
    "overall": both("Samlet", "Overall"),
    "intro": both(
        "Ét udsagn ad gangen. "
        "Svarene gemmes.",
        "One statement at a time. "
        "Answers are saved.",
    ),
    "quote": both(da='Et "citat"', en='A "quote"'),
    "name": both(NAME, NAME),
    "computed": both(f"{NAME} er", f"{NAME} is"),
    "favourable": both("Positive svar", "Overall"),
}
'''


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("migrate_both", ROOT / "scripts" / "migrate_both.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["migrate_both"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_literal_pairs_move_and_the_rest_is_listed(tmp_path: Path) -> None:
    migrate = script()
    words = tmp_path / "peerready" / "report" / "words.py"
    words.parent.mkdir(parents=True)
    words.write_text(MODULE, encoding="utf-8")
    po = tmp_path / "da.po"

    outcome = migrate.migrate([words], po, check=False)

    text = words.read_text(encoding="utf-8")
    ast.parse(text)  # still Python
    assert '"overall": tr("Overall"),' in text
    assert '"intro": tr("One statement at a time. Answers are saved."),' in text
    assert '"quote": tr("A \\"quote\\""),' in text
    # one English word with a second Danish one gets the module as its context
    assert '"favourable": tr("Overall", "report.words"),' in text
    # calls that are not two literals stay as they were, and are listed
    assert '"name": both(NAME, NAME),' in text
    assert '"computed": both(f"{NAME} er", f"{NAME} is"),' in text
    assert len(outcome.skipped) == 2
    assert all("not two string literals" in line for line in outcome.skipped)
    # `both` is still used, so it stays imported beside `tr`
    assert "from peerready.i18n import Lang, LText, both, tr\n" in text

    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Overall") == "Samlet"
    assert compiled.pgettext("report.words", "Overall") == "Positive svar"
    assert (
        compiled.gettext("One statement at a time. Answers are saved.")
        == "Ét udsagn ad gangen. Svarene gemmes."
    )
    assert compiled.gettext('A "quote"') == 'Et "citat"'


def test_a_second_run_changes_nothing(tmp_path: Path) -> None:
    migrate = script()
    words = tmp_path / "words.py"
    words.write_text(MODULE, encoding="utf-8")
    po = tmp_path / "da.po"
    migrate.migrate([words], po, check=False)
    after_first = (words.read_text(encoding="utf-8"), po.read_bytes(), po.with_suffix(".mo").read_bytes())

    outcome = migrate.migrate([words], po, check=False)

    assert outcome.changed == [] and outcome.added == 0
    assert (
        words.read_text(encoding="utf-8"),
        po.read_bytes(),
        po.with_suffix(".mo").read_bytes(),
    ) == after_first


def test_check_changes_nothing_and_fails_while_pairs_remain(tmp_path: Path, capsys) -> None:
    migrate = script()
    words = tmp_path / "words.py"
    words.write_text(MODULE, encoding="utf-8")
    po = tmp_path / "da.po"

    code = migrate.main(["--check", "--po", str(po), str(words)])

    assert code == 1
    assert words.read_text(encoding="utf-8") == MODULE and not po.exists()
    assert "would move calls in 1 files; 4 new catalogue entries" in capsys.readouterr().out


def test_the_import_of_both_goes_when_nothing_uses_it(tmp_path: Path) -> None:
    migrate = script()
    words = tmp_path / "words.py"
    words.write_text('from peerready.i18n import both\n\nYES = both("Ja", "Yes")\n', encoding="utf-8")

    migrate.migrate([words], tmp_path / "da.po", check=False)

    assert words.read_text(encoding="utf-8") == 'from peerready.i18n import tr\n\nYES = tr("Yes")\n'


def test_a_long_english_text_is_split_over_lines(tmp_path: Path) -> None:
    migrate = script()
    words = tmp_path / "words.py"
    long_da, long_en = "ord " * 40, "word " * 40
    words.write_text(
        f'from peerready.i18n import both\n\nX = both("{long_da}", "{long_en}")\n', encoding="utf-8"
    )

    migrate.migrate([words], tmp_path / "da.po", check=False)

    text = words.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 110
    value = ast.literal_eval(ast.parse(text).body[1].value.args[0])  # type: ignore[attr-defined]
    assert value == long_en


def test_the_source_tree_has_no_both_pair_left(capsys) -> None:
    # every interface text is in the catalogue; a value shown as it is uses LText.same
    assert script().main(["--check"]) == 0, capsys.readouterr().out
