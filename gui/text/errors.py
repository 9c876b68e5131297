"""A broken scenario file's error, in the current language.

The loaders (sim) write one English line naming the file, the field path and what was
expected; the CLI prints it as it is. The window shows the same facts translated: the frame of
the sentence and the loaders' stock phrases ("a whole number", "true or false", ...). File
names, field paths, values and the TOML parser's own position text stay as they are.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from gui.text import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

# The loaders' stock phrases for what a field should hold (sim/fields.py, sim/scenario.py).
_PHRASES: tuple[tuple[str, str], ...] = (
    ("one of the known keys: ", QT_TRANSLATE_NOOP("errors", "one of the known keys: ")),
    ("an array of tables ([[...]])", QT_TRANSLATE_NOOP("errors", "an array of tables ([[...]])")),
    ("a non-empty array of strings", QT_TRANSLATE_NOOP("errors", "a non-empty array of strings")),
    ("a whole number", QT_TRANSLATE_NOOP("errors", "a whole number")),
    ("a number", QT_TRANSLATE_NOOP("errors", "a number")),
    ("a string", QT_TRANSLATE_NOOP("errors", "a string")),
    ("true or false", QT_TRANSLATE_NOOP("errors", "true or false")),
    ("a table", QT_TRANSLATE_NOOP("errors", "a table")),
    ("(required)", QT_TRANSLATE_NOOP("errors", "(required)")),
    ("one of ", QT_TRANSLATE_NOOP("errors", "one of ")),
    ("unknown key ", QT_TRANSLATE_NOOP("errors", "unknown key ")),
    ("from ", QT_TRANSLATE_NOOP("errors", "from ")),
    (" to ", QT_TRANSLATE_NOOP("errors", " to ")),
)
_FIELD = re.compile(
    r"^(?P<where>.+?): expected (?P<expected>.+?)(?:, got (?P<got>.*))?$", re.DOTALL
)
_TOML = re.compile(r"^(?P<file>.+?): not valid TOML \((?P<detail>.*)\)$", re.DOTALL)
_READ = re.compile(r"^(?P<file>.+?): cannot read the file \((?P<detail>.*)\)$", re.DOTALL)


def _tr(text: str) -> str:
    return translate("errors", text)


def _phrases(text: str) -> str:
    """Translate the stock phrases inside `text`, leaving names and values as they are."""
    for english, source in _PHRASES:
        text = text.replace(english, "\0" + _tr(source) + "\0") if english in text else text
    return text.replace("\0", "")


def scenario_error_text(message: str) -> str:
    """Return a loader's one-line error (`str(ScenarioError)`) in the current language."""
    if m := _READ.match(message):
        text = translate("errors", "{file}: cannot read the file ({detail})")
        return text.format(**m.groupdict())
    if m := _TOML.match(message):
        return translate("errors", "{file}: not valid TOML ({detail})").format(**m.groupdict())
    if m := _FIELD.match(message):
        expected = _phrases(m["expected"])
        if m["got"] is None:
            text = translate("errors", "{where}: expected {expected}")
            return text.format(where=m["where"], expected=expected)
        return translate("errors", "{where}: expected {expected}, got {got}").format(
            where=m["where"], expected=expected, got=_phrases(m["got"])
        )
    return message
