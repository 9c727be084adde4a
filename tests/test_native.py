"""The compiled attribution modules (qawl.native): used only while they match their sources, and the same frames."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from qawl_paths import BUNDLED, ROOT, shared_path

from qawl import native


def _built() -> None:
    if not native.current():
        pytest.skip("no current native build here: python -m qawl native makes one (a C compiler and Python.h)")


def _run(code: str, native_on: bool, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QAWL_NATIVE": "1" if native_on else "0"}
    return subprocess.run([sys.executable, *(["-c", code] if code else []), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)


def test_the_compiled_modules_are_imported_unless_switched_off():
    _built()
    where = "import qawl.speech, qawl.tokenize; print(qawl.speech.__file__); print(qawl.tokenize.__file__)"
    speech, tokenize = _run(where, True).stdout.split()
    assert speech.startswith(str(native.target())) and speech.endswith(".so")
    assert tokenize == str(ROOT / "qawl" / "tokenize.py")  # a module left out of the build stays the source
    assert _run(where, False).stdout.split()[0] == str(ROOT / "qawl" / "speech.py")


def test_compiled_and_source_make_the_same_frames(tmp_path):
    """Every frame byte for byte, over the three shared corpora and the bundled article."""
    _built()
    corpora = [str(shared_path("corpora", name, "articles"))
               for name in ("spa_saudinewsnet", "bbc_arabic_antcorpus", "skynewsarabia_antcorpus")]
    out = {}
    for native_on in (True, False):
        out[native_on] = tmp_path / str(native_on)
        _run("", native_on, "-m", "qawl", "frames", *corpora, str(BUNDLED), "--out", str(out[native_on]))
    names = sorted(p.name for p in out[True].iterdir())
    assert "sentences.csv" in names and names == sorted(p.name for p in out[False].iterdir())
    for name in names:
        assert (out[True] / name).read_bytes() == (out[False] / name).read_bytes(), name


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A copy of the package's sources with a build manifest that matches them."""
    copy = tmp_path / "qawl"
    copy.mkdir()
    for name in native.MODULES:
        shutil.copy(ROOT / "qawl" / f"{name}.py", copy)
    monkeypatch.setattr(native, "PACKAGE", copy)
    monkeypatch.setattr(native, "ROOT", tmp_path / ".qawl_native")
    native.target().mkdir(parents=True)
    (native.target() / native.MANIFEST).write_text(json.dumps(native.digests()), "utf-8")
    return copy


def test_an_edited_source_leaves_the_build_unused(package):
    assert native.current()
    speech = package / "speech.py"
    speech.write_text(speech.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert not native.current()


def test_a_build_for_another_interpreter_or_none_is_not_current(package, monkeypatch):
    (native.target() / native.MANIFEST).unlink()
    assert not native.current()


def test_switched_off_or_stale_nothing_is_put_before_the_sources(package, monkeypatch):
    module = type(sys)("qawl_copy")
    module.__path__ = [str(package)]
    monkeypatch.setenv("QAWL_NATIVE", "0")
    assert not native.activate(module) and module.__path__ == [str(package)]
    monkeypatch.delenv("QAWL_NATIVE")
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert native.activate(module) and module.__path__ == [str(native.target() / "qawl"), str(package)]
    (package / "names.py").write_text("# another source\n", "utf-8")
    module.__path__ = [str(package)]
    assert not native.activate(module) and module.__path__ == [str(package)]


def test_without_a_compiler_it_says_so_and_builds_nothing(package, monkeypatch):
    (native.target() / native.MANIFEST).unlink()
    monkeypatch.delenv("QAWL_NATIVE", raising=False)  # the suite may run with the build switched off
    monkeypatch.setenv("CC", "no-such-compiler")
    said = native.main()  # (a machine without Python's headers says so too)
    assert said.startswith("not built, no ") and "C compiler" in said and said.endswith(": Qawl runs as source")
    assert not native.current()
