"""The layout a newcomer relies on (docs/architecture.md): no import cycles, small modules,
few modules at the top, and heavy libraries each behind one module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "peerready"  # the source tree, also where CI tests the installed wheel
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    """Every peerready module this one imports, at the top, inside functions or for types."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("peerready"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in NAMES else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("peerready.")}
    return found


NAMES = {_name(p) for p in MODULES}


def test_no_module_imports_itself_back_through_others() -> None:
    graph = {_name(p): _imports(p) - {_name(p)} for p in MODULES}
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        visiting.append(module)
        for dep in sorted(graph.get(module, ())):
            if dep in visiting:
                cycles.append([*visiting[visiting.index(dep) :], dep])
            elif dep not in done and dep in graph:
                visit(dep)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module)
    assert cycles == []


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_module_stays_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 300, f"{_name(path)} has {lines} lines: split it by responsibility"


def test_few_modules_at_the_top() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert top <= {"errors", "i18n", "fileio", "resources", "messages", "locale"}
    assert len(top) <= 6


@pytest.mark.parametrize(
    ("library", "home"),
    [
        ("typer", "peerready.cli"),
        ("questionary", "peerready.meeting.terminal"),
        ("prompt_toolkit", "peerready.meeting.terminal"),
        ("weasyprint", "peerready.report.pdf"),
    ],
)
def test_each_heavy_library_has_one_home(library: str, home: str) -> None:
    users = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            named = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n == library or n.startswith(f"{library}.") for n in named):
                users.add(_name(path))
    assert users, f"nothing imports {library}"
    assert all(u == home or u.startswith(f"{home}.") for u in users), sorted(users)


def test_the_wheel_lists_every_package_and_its_data() -> None:
    """setuptools packages only what pyproject.toml names: a new subpackage missing there works
    in an editable install and fails in the wheel (as exports.platforms once did)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")}
    assert found - listed == set()
    data = config["tool"]["setuptools"]["package-data"]
    for path in PACKAGE.rglob("*"):
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts:
            owner = _name(next(p for p in path.parents if (p / "__init__.py").exists()) / "__init__.py")
            relative = path.relative_to(PACKAGE.parent / owner.replace(".", "/")).as_posix()
            patterns = data.get(owner, [])
            assert any(Path(relative).match(p) for p in patterns), (
                f"{owner}: {relative} is not in package-data"
            )
