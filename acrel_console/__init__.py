"""Acrel Console: prepaid electricity metering console (package root)."""

__version__ = "0.1.0"
