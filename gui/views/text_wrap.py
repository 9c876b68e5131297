"""Break a text into lines of a pixel width, at the places the language allows (never mid-word)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout, QTextOption


def wrap_lines(font: QFont, text: str, width: float) -> list[str]:
    """Return `text` broken into lines no wider than `width` where it can be broken.

    Explicit line breaks are kept. A word wider than `width` stays whole on its own line
    (the layout checker reports it); Chinese breaks between characters, as it is written.
    """
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start : start + length].strip())
        layout.endLayout()
    return [line for line in lines if line] or [""]
