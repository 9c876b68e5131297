"""Text the window shows: names of model ids, sentences of the event log, errors.

`QT_TRANSLATE_NOOP` marks a string for pyside6-lupdate, which finds it by this name; unlike
PySide6's own, it is typed to return the `str` it is given.
"""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Return `source` unchanged; lupdate extracts it for translation in `context`."""
    return source
