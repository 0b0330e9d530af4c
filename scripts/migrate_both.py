"""Move `both("dansk", "English")` pairs into the message catalogue, and rewrite each call as `tr("English")`.

    python scripts/migrate_both.py [PATH ...]      # default: src/peerready
    python scripts/migrate_both.py --check [PATH ...]

For every call `both(<literal>, <literal>)` (positional or da=/en= keywords) the English text becomes the
msgid and the Danish its msgstr in src/peerready/locale/da/LC_MESSAGES/peerready.po; the call is rewritten
as `tr("English")`, the module's import of `both` from peerready.i18n becomes one of `tr` (both stays
imported while the module still uses it), and the .mo is compiled again.

Safe to run again and again: a module without literal both() calls is left byte for byte, an English
text already in the catalogue with the same Danish is not added twice. It never guesses; it skips and
lists (exit 1 with --check, 0 otherwise):
- calls whose arguments are not both plain string literals (f-strings, names, concatenation with
  variables, …): a translator needs the whole sentence with {placeholders};
- an English text that has another Danish translation already (in the catalogue, or earlier in this
  run): one msgid has one translation, so one of the two wordings must change by hand.

Needs Babel (a dependency of peerready); writes the catalogue as scripts/catalogue.py does.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue import new_catalogue, read, write_catalogue

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "src" / "peerready" / "locale" / "da" / "LC_MESSAGES" / "peerready.po"
I18N = "peerready.i18n"
LINE_LENGTH = 110


@dataclass(frozen=True)
class Pair:
    da: str
    en: str
    start: tuple[int, int]  # (line, column) of the call, 1-based line, 0-based column
    end: tuple[int, int]


@dataclass
class Outcome:
    changed: list[Path] = field(default_factory=list)
    added: int = 0
    skipped: list[str] = field(default_factory=list)


def literal(node: ast.expr) -> str | None:
    """The text of a plain string literal (implicitly concatenated ones included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def pairs_in(tree: ast.AST, where: str, skipped: list[str]) -> list[Pair]:
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _is_both(node.func)):
            continue
        args = dict(zip(("da", "en"), node.args, strict=False))
        args.update({k.arg: k.value for k in node.keywords if k.arg in ("da", "en")})
        da, en = (literal(args[k]) if k in args else None for k in ("da", "en"))
        extra = len(node.args) > 2 or any(k.arg not in ("da", "en") for k in node.keywords)
        if da is None or en is None or extra:
            skipped.append(f"{where}:{node.lineno}: not two string literals: {ast.unparse(node)[:90]}")
            continue
        assert node.end_lineno is not None and node.end_col_offset is not None
        found.append(Pair(da, en, (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)))
    return found


def _is_both(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id == "both"
    return (
        isinstance(func, ast.Attribute) and func.attr == "both" and ast.unparse(func.value).endswith("i18n")
    )


def quoted(text: str) -> str:
    """A double-quoted Python literal that keeps non-ASCII letters as they are (ruff's style)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def call_text(en: str, context: str | None, indent: int) -> str:
    """`tr("English")` (or `tr("English", "context")`), split over lines as implicitly joined
    pieces when it would be too long."""
    tail = "" if context is None else f", {quoted(context)}"
    one = f"tr({quoted(en)}{tail})"
    if indent + len(one) + 2 <= LINE_LENGTH:
        return one
    pieces, current = [], ""
    for word in en.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and indent + 4 + len(quoted(candidate + " ")) > LINE_LENGTH - 8:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)
    pad = " " * (indent + 4)
    last = "" if context is None else f"{pad}{quoted(context)},\n"
    joined = "".join(f"{pad}{quoted(p)}\n" for p in pieces).rstrip("\n") + (",\n" if context else "\n")
    return "tr(\n" + joined + last + " " * indent + ")"


def rewrite(source: str, pairs: list[tuple[Pair, str | None]]) -> str:
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def at(pos: tuple[int, int]) -> int:
        # ast columns count UTF-8 bytes
        line = lines[pos[0] - 1]
        return offsets[pos[0] - 1] + len(line.encode("utf-8")[: pos[1]].decode("utf-8"))

    text = source
    for pair, context in sorted(pairs, key=lambda p: p[0].start, reverse=True):
        line = lines[pair.start[0] - 1]
        indent = len(line) - len(line.lstrip(" "))
        text = text[: at(pair.start)] + call_text(pair.en, context, indent) + text[at(pair.end) :]
    return fix_imports(text)


def fix_imports(source: str) -> str:
    """Import `tr` from peerready.i18n, and `both` only while the module still calls it."""
    tree = ast.parse(source)
    uses_both = any(isinstance(n, ast.Name) and n.id == "both" for n in ast.walk(tree))
    uses_tr = any(isinstance(n, ast.Name) and n.id == "tr" for n in ast.walk(tree))
    imports = [n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == I18N and n.level == 0]
    names: set[str] = set()
    for node in imports:
        names |= {a.name if a.asname is None else f"{a.name} as {a.asname}" for a in node.names}
    wanted = set(names)
    if uses_tr:
        wanted.add("tr")
    if not uses_both:
        wanted.discard("both")
    if wanted == names:
        return source
    lines = source.splitlines(keepends=True)
    statement = _import_statement(sorted(wanted, key=_isort_key))
    if imports:
        first, *rest = imports
        for node in reversed(rest):
            assert node.end_lineno is not None
            del lines[node.lineno - 1 : node.end_lineno]
        assert first.end_lineno is not None
        lines[first.lineno - 1 : first.end_lineno] = [statement] if wanted else []
    else:
        last = max(
            (n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)),
            key=lambda n: n.end_lineno or 0,
            default=None,
        )
        at = last.end_lineno if last is not None and last.end_lineno is not None else 0
        lines.insert(at, statement)
    return "".join(lines)


def _isort_key(name: str) -> tuple[int, str]:
    """ruff's isort order within an import: CONSTANTS, Classes, then functions."""
    bare = name.split(" ", maxsplit=1)[0]
    kind = 0 if bare.isupper() and len(bare) > 1 else 1 if bare[:1].isupper() else 2
    return kind, bare.lower()


def _import_statement(names: list[str]) -> str:
    one = f"from {I18N} import {', '.join(names)}\n"
    if len(one) <= LINE_LENGTH:
        return one
    return f"from {I18N} import (\n" + "".join(f"    {n},\n" for n in names) + ")\n"


def migrate(paths: list[Path], po: Path, check: bool) -> Outcome:
    catalog = _read(po)
    outcome = Outcome()
    for path in _python_files(paths):
        source = path.read_text(encoding="utf-8")
        if "both" not in source:
            continue
        where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        found = pairs_in(ast.parse(source), where, outcome.skipped)
        movable: list[tuple[Pair, str | None]] = []
        for pair in found:
            can_move, context = _context_for(pair, catalog, module_name(path))
            if not can_move:
                outcome.skipped.append(
                    f"{where}:{pair.start[0]}: the English text {pair.en!r} has two other Danish "
                    f"translations already; here {pair.da!r}"
                )
                continue
            known = catalog.get(pair.en, context=context)
            if known is None or not known.string:
                catalog.add(pair.en, pair.da, context=context)
                outcome.added += 1
            movable.append((pair, context))
        if movable:
            outcome.changed.append(path)
            if not check:
                path.write_text(rewrite(source, movable), encoding="utf-8")
    if outcome.added and not check:
        write_catalogue(catalog, po)
    return outcome


def _context_for(pair: Pair, catalog: Catalog, module: str) -> tuple[bool, str | None]:
    """(whether it can move, its context): no context while the English text has no other Danish
    translation, else the module's name (one English word, two Danish words for two uses)."""
    for context in (None, module):
        known = catalog.get(pair.en, context=context)
        if known is None or not known.string or known.string == pair.da:
            return True, context
    return False, None


def module_name(path: Path) -> str:
    """`report.words` for src/peerready/report/words.py."""
    parts = path.with_suffix("").parts
    inner = parts[parts.index("peerready") + 1 :] if "peerready" in parts else parts[-1:]
    return ".".join(inner)


def _read(po: Path) -> Catalog:
    return read(po) if po.exists() else new_catalogue("da")


def _python_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [f for f in files if f.name != "i18n.py" or f.parent.name != "peerready"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "src" / "peerready"])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything would move")
    parser.add_argument("--po", type=Path, default=PO)
    args = parser.parse_args(argv)
    outcome = migrate([p.resolve() for p in args.paths], args.po, args.check)
    verb = "would move" if args.check else "moved"
    print(f"{verb} calls in {len(outcome.changed)} files; {outcome.added} new catalogue entries")
    for path in outcome.changed:
        print(f"  {path}")
    if outcome.skipped:
        print(f"skipped {len(outcome.skipped)} calls (change them by hand):")
        for line in outcome.skipped:
            print(f"  {line}")
    return 1 if args.check and (outcome.changed or outcome.skipped) else 0


if __name__ == "__main__":
    sys.exit(main())
