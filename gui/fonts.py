"""Loading the bundled CJK font as a fallback (`asset_path` is re-exported from sim.assets).

The machine a teacher uses may have no Chinese font at all; without one, Chinese text is drawn
as empty boxes. The app therefore ships WenQuanYi Micro Hei (assets/fonts) and adds it as a
fallback family behind whatever the system's default font is.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from sim.assets import asset_path

__all__ = ["CJK_FONT_FILE", "asset_path", "cjk_family", "load_bundled_fonts"]

CJK_FONT_FILE = "wqy-microhei.ttc"
# Families that views or styles may ask for by name; each gets the CJK font as a substitute.
_COMMON_FAMILIES = (
    "Sans Serif",
    "DejaVu Sans",
    "Helvetica",
    "Arial",
    "Segoe UI",
    "Noto Sans",
    "Liberation Sans",
    "Monospace",
    "DejaVu Sans Mono",
)

_loaded_families: list[str] = []


def load_bundled_fonts(app: QApplication) -> list[str]:
    """Load the bundled CJK font once and make it every common family's fallback.

    Returns the families the font provides (empty when the file is missing).
    """
    if _loaded_families:
        return list(_loaded_families)
    font_id = QFontDatabase.addApplicationFont(str(asset_path("fonts", CJK_FONT_FILE)))
    if font_id < 0:
        return []
    families = QFontDatabase.applicationFontFamilies(font_id)
    _loaded_families.extend(families)
    cjk = families[0]
    base = app.font()
    for family in {base.family(), *_COMMON_FAMILIES}:
        QFont.insertSubstitution(family, cjk)
    base.setFamilies([base.family(), cjk])
    app.setFont(base)
    return list(families)


def cjk_family() -> str | None:
    """Return the bundled CJK family name once loaded."""
    return _loaded_families[0] if _loaded_families else None
