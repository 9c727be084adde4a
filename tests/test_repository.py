"""The repository itself: the tests' own cache, bare `pytest`, pinned packages in use, no function left unused."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from qawl_paths import ROOT

from qawl import cache

CODE = [*ROOT.glob("qawl/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]


def test_the_tests_never_use_the_repositorys_cache():
    assert os.environ.get(cache.ENV_VAR)
    assert not cache.folder().resolve().is_relative_to(ROOT)


def test_bare_pytest_imports_qawl():
    pytest_script = Path(sys.executable).with_name("pytest")
    if not pytest_script.is_file():
        pytest.skip("no pytest script beside this Python")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([str(pytest_script), "--collect-only", "-q", "tests/test_normalize.py"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]



def test_a_linked_venv_is_ignored_by_git():
    """Worktrees link the shared .venv; `.venv/` matched only a folder, so the link showed as new (and was once
    committed)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(["git", "check-ignore", "-q", "--no-index", ".venv"], cwd=ROOT, timeout=60)
    assert result.returncode == 0

def _imported(paths: list[Path]) -> set[str]:
    """Return the top-level names of the modules the files import."""
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


def _pinned(*files: str) -> set[str]:
    """Return the lower-case names of the distributions the requirement files pin."""
    return {re.split(r"[=<>~!\[ ]", line.strip())[0].lower() for name in files
            for line in (ROOT / name).read_text().splitlines() if line.strip() and not line.startswith(("#", "-"))}


def test_every_pinned_runtime_package_is_imported():
    pinned = _pinned("requirements.txt")
    imported = _imported(CODE)
    modules_of: dict[str, set[str]] = {}
    for module, distributions in metadata.packages_distributions().items():
        for distribution in distributions:
            modules_of.setdefault(distribution.lower(), set()).add(module)
    unused = [name for name in pinned if not modules_of.get(name.lower(), set()) & imported]
    assert unused == []


def _asked_for(paths: list[Path]) -> set[str]:
    """Return what the files import, and the modules their tests ask for with pytest.importorskip."""
    names = _imported(paths)
    for path in paths:
        names.update(re.findall(r"importorskip\(\s*[\"']([\w.]+)", path.read_text(encoding="utf-8")))
    return {name.split(".")[0] for name in names}


def test_every_package_the_code_and_tests_import_is_pinned():
    """What the suite imports is installed by `pip install -r requirements-dev.txt` at the pinned version (a test
    that asks for an unpinned package skips quietly in CI)."""
    tests = [*ROOT.glob("tests/*.py"), *ROOT.glob("tests/browser/*.py")]
    own = {path.stem for path in [*CODE, *tests]} | {"qawl", "ui", "pages", "tests"}
    third_party = {name for name in _asked_for([*CODE, *tests]) if name not in sys.stdlib_module_names | own}
    distributions = metadata.packages_distributions()
    pinned = _pinned("requirements.txt", "requirements-dev.txt")
    unpinned = sorted(name for name in third_party
                      if not {d.lower() for d in distributions.get(name, [name])} & pinned)
    assert unpinned == []


def test_every_public_function_of_qawl_is_used():
    """A function nothing calls or passes (the app, the command line, the benchmarks or a test) is dead code."""
    used = set()
    for path in [*CODE, *ROOT.glob("bench/*.py"), *ROOT.glob("tests/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name):
                used.add(node.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
    defined = [(path.name, node.name) for path in sorted(ROOT.glob("qawl/*.py"))
               for node in ast.parse(path.read_text(encoding="utf-8")).body
               if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")]
    assert [f"{module}: {name}" for module, name in defined if name not in used] == []
