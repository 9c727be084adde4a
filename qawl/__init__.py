"""Qawl: Arabic news corpora turned into pandas frames of who said what, about which themes."""

__version__ = "0.1.0"
