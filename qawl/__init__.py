"""Qawl: Arabic news corpora turned into pandas frames of who said what, about which themes."""

from qawl import native as _native

__version__ = "0.1.0"

# The attribution modules compiled from these very sources (python -m qawl native), when they are current.
NATIVE = _native.activate(__import__(__name__))
