"""Compiled copies of the attribution modules: the same source, built to C by mypyc, used only while it matches.

    .venv/bin/python -m qawl native          # build them (a C compiler and Python headers; under two minutes)

Attribution is most of a build's time, and it is plain Python over short strings and lists, which mypyc (the
compiler of mypy, a well-kept project) turns into C extension modules from the type annotations the code already
has: the 100k build then takes a fifth less time (README, "Performance"). Nothing else changes: the compiled modules
are built from these very files, and `tests/test_native.py` checks that they make the same frames as the source.

The build goes to `.qawl_native/<interpreter>/` beside the package (not in the package: a copy there would outlive
an edit of its source), with the SHA-256 of each source it was built from. `activate`, which `qawl/__init__.py`
calls, puts it before the package's own directory only when every one of those sources is unchanged; after an edit,
or with QAWL_NATIVE=0, Python imports the source as ever. Without a compiler the build says so and Qawl runs as
source, as fast as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from types import ModuleType

# The modules an article's analysis spends its time in, in the order of their imports (lowest first). Left out:
# tokenize (its Tokens subclasses tuple, which mypyc does not compile), articles (no faster compiled) and corpus
# (surrogate literals). speakers is compiled since entity_codec reads Entity's hints from its source (a compiled
# dataclass keeps only `list` of `list[tuple[str, ...]]`): 6 % less CPU per article.
MODULES = ("arabic", "normalize", "decode", "dates", "quotes", "cues", "mentions", "names", "sources",
           "phrases", "reports", "subjects", "relays", "speech", "turns", "sentences", "attribution", "themes",
           "signatures", "terms", "speakers")
GROUP = "qawl_native"  # the shared library the compiled modules live in
MANIFEST = "manifest.json"
PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent / ".qawl_native"


def target() -> Path:
    """Return the directory the build for this interpreter goes to (cpython-311-x86_64-linux-gnu, ...)."""
    return ROOT / (sysconfig.get_config_var("SOABI") or sys.implementation.cache_tag)


def digests() -> dict[str, str]:
    """Return module -> the SHA-256 of its source, for the compiled modules."""
    return {name: hashlib.sha256((PACKAGE / f"{name}.py").read_bytes()).hexdigest() for name in MODULES}


def current() -> bool:
    """Return whether a build for this interpreter exists and was made from the sources as they are now."""
    try:
        built = json.loads((target() / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return built == digests()


def activate(package: ModuleType) -> bool:
    """Put the compiled modules before the package's sources when they are current (and QAWL_NATIVE is not 0);
    return whether it did. Called by qawl/__init__.py before any module of the package is imported."""
    if os.environ.get("QAWL_NATIVE", "1") == "0" or not current():
        return False
    built = str(target())
    if built not in sys.path:
        sys.path.append(built)  # the group library the compiled modules import (qawl_native__mypyc)
    package.__path__.insert(0, str(Path(built) / "qawl"))
    return True


def build() -> Path:
    """Compile MODULES into target() and return it; RuntimeError when mypyc or the C compiler fails."""
    from mypyc.build import mypycify  # only here: mypy is imported by the build, never by Qawl's use
    from setuptools import Distribution

    ROOT.mkdir(parents=True, exist_ok=True)
    # beside the target, on its file system: the finished build is renamed into place (no copy across disks)
    work = Path(tempfile.mkdtemp(prefix="build-", dir=ROOT))
    try:
        config = work / "mypy.ini"
        config.write_text("[mypy]\nignore_missing_imports = True\n", "utf-8")
        before = Path.cwd()
        os.chdir(PACKAGE.parent)  # module names come from the paths: qawl/speech.py is qawl.speech
        try:
            sources = digests()
            extensions = mypycify([f"qawl/{name}.py" for name in MODULES] + ["--config-file", str(config)],
                                  target_dir=str(work / "c"), group_name=GROUP)
            dist = Distribution({"name": "qawl-native", "ext_modules": extensions})
            # one C file for the whole group (its modules call each other in C), and a small one per module
            dist.script_args = ["build_ext", "--build-lib", str(work / "lib"), "--build-temp", str(work / "obj"),
                                "--parallel", str(os.cpu_count() or 1)]
            dist.parse_command_line()
            dist.run_commands()
        except SystemExit as failed:  # setuptools reports a failed compiler so
            raise RuntimeError(f"mypyc or the C compiler failed: {failed}") from None
        finally:
            os.chdir(before)
        if digests() != sources:
            raise RuntimeError("a source changed while it was being compiled: build again")
        (work / "lib" / MANIFEST).write_text(json.dumps(sources, indent=1), "utf-8")
        dest = target()
        dest.parent.mkdir(parents=True, exist_ok=True)
        old = dest.with_name(dest.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if dest.exists():
            dest.rename(old)
        (work / "lib").rename(dest)  # the manifest comes with it: a half-built copy is never current
        shutil.rmtree(old, ignore_errors=True)
        return dest
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> str:
    """Build the compiled modules unless they are current, and return what happened, in a line. Without mypy, a C
    compiler or Python's headers, or when the build fails, Qawl runs as source: the line says why."""
    if os.environ.get("QAWL_NATIVE", "1") == "0":
        return "QAWL_NATIVE=0: nothing built, Qawl runs as source"
    if current():
        return f"{target()} is current"
    missing = [what for what, found in (("mypy (requirements.txt)", _has_mypyc()),
                                        ("C compiler", shutil.which(os.environ.get("CC", "cc")) is not None),
                                        ("Python.h", (Path(sysconfig.get_paths()["include"]) / "Python.h")
                                         .is_file())) if not found]
    if missing:
        return f"not built, no {' and no '.join(missing)}: Qawl runs as source"
    # The compiler's hundred lines go to a log; a child process, so that nothing of the build stays in this one.
    done = subprocess.run([sys.executable, "-c", "from qawl import native; native.build()"], cwd=PACKAGE.parent,
                          env={**os.environ, "QAWL_NATIVE": "0"}, capture_output=True, text=True)
    if done.returncode != 0 or not current():
        log = ROOT / "build.log"
        ROOT.mkdir(parents=True, exist_ok=True)
        log.write_text(done.stdout + done.stderr, "utf-8")
        return f"not built (see {log}): Qawl runs as source"
    (ROOT / "build.log").unlink(missing_ok=True)  # an earlier failure's log no longer says anything
    return f"built {len(MODULES)} modules into {target()}"


def _has_mypyc() -> bool:
    try:
        import mypyc  # noqa: F401
    except ImportError:
        return False
    return True

