"""Keep the message catalogues in step with the code (Babel underneath, one way of writing them).

    python scripts/catalogue.py update     # every marked text into every .po; gone ones out
    python scripts/catalogue.py compile    # each .po → its .mo (what peerready reads)
    python scripts/catalogue.py init LANG  # a new language's .po, every text still to translate
    python scripts/catalogue.py missing    # the texts a .po has no translation for yet

The marked texts are the first argument of `tr(...)` (with a context as its second), `_(...)`
and `N_(...)` in src/peerready. The .po files are written sorted by text and without source
locations, so that a change in the code shows as a change of the catalogue only when a text
changes. tests/locale checks that nothing is missing and that each .mo is its .po compiled.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "peerready"
LOCALES = PACKAGE / "locale"
KEYWORDS: dict[str, Any] = {"tr": {1: (1,), 2: (1, (2, "c"))}, "_": None, "N_": None}


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "peerready.po"


def languages() -> list[str]:
    return sorted(p.name for p in LOCALES.iterdir() if po_path(p.name).is_file())


def marked(package: Path = PACKAGE) -> Catalog:
    """Every text the code marks for translation, as an empty catalogue."""
    template = Catalog(domain="peerready", project="peerready")
    for _file, _line, message, _comments, context in extract_from_dir(package, keywords=KEYWORDS):
        if isinstance(message, str):
            template.add(message, context=context)
    return template


def new_catalogue(lang: str) -> Catalog:
    return Catalog(
        locale=lang,
        domain="peerready",
        project="peerready",
        header_comment=f"# {lang} translations of peerready's interface; the English texts are the ids.",
        fuzzy=False,
        last_translator="peerready developers",
    )


def read(po: Path) -> Catalog:
    with po.open("rb") as handle:
        return read_po(handle)


def write_catalogue(catalog: Catalog, po: Path) -> None:
    """The .po sorted by text (so runs do not reorder it), and its compiled .mo beside it."""
    po.parent.mkdir(parents=True, exist_ok=True)
    catalog.revision_date = datetime.datetime.now(datetime.UTC)
    with po.open("wb") as handle:
        write_po(handle, catalog, sort_output=True, no_location=True, ignore_obsolete=True, width=100)
    compile_po(catalog, po)


def compile_po(catalog: Catalog, po: Path) -> None:
    with po.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)


def update(lang: str, template: Catalog) -> None:
    catalog = read(po_path(lang))
    catalog.update(template, no_fuzzy_matching=True)  # a guessed translation is worse than none
    write_catalogue(catalog, po_path(lang))


def untranslated(lang: str) -> Iterator[str]:
    for message in read(po_path(lang)):
        if message.id and (not message.string or message.fuzzy):
            yield f"{message.context}: {message.id}" if message.context else str(message.id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("action", choices=["update", "compile", "init", "missing"])
    parser.add_argument("lang", nargs="?")
    args = parser.parse_args(argv)
    if args.action == "init":
        if not args.lang or po_path(args.lang).exists():
            parser.error("init needs a language code that has no catalogue yet, e.g. sv")
        write_catalogue(new_catalogue(args.lang), po_path(args.lang))
        update(args.lang, marked())
    elif args.action == "update":
        template = marked()
        for lang in languages():
            update(lang, template)
    elif args.action == "compile":
        for lang in languages():
            compile_po(read(po_path(lang)), po_path(lang))
    else:
        gaps = [f"{lang}: {text}" for lang in languages() for text in untranslated(lang)]
        print("\n".join(gaps) or "every text is translated")
        return 1 if gaps else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
