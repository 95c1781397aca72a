"""Figures about the edition's speed, printed side by side with a baseline, never asserted.

Run `.venv/bin/python -m tests.benchmark --help` for the commands; the README's design section
records the figures they printed.
"""
