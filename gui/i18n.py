"""Languages: which ones exist, switching at run time, and remembering the choice.

Installing or removing a `QTranslator` makes Qt send `QEvent.LanguageChange` to every widget;
each widget re-reads its strings through `tr()` in `changeEvent`. Catalog template and host
names are translated in the "catalog" context (see gui/text/catalog_strings.py).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from gui.fonts import asset_path

ORGANISATION = "HostLab"
APPLICATION = "HostLab"
# Language code -> its name written in that language (menus show languages in their own script).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "中文"}
DEFAULT_LANGUAGE = "en"

_installed: list[QTranslator] = []
# Translators are loaded once per language and reused: a switch back and forth allocates nothing
# (a translator made anew per switch, parented to the app, stayed alive for good).
_loaded: dict[str, tuple[bool, list[QTranslator]]] = {}
_current = DEFAULT_LANGUAGE


def settings() -> QSettings:
    """Return the app's settings store (organisation and application "HostLab")."""
    return QSettings(ORGANISATION, APPLICATION)


def saved_language() -> str:
    """Return the language remembered in the settings, else the system's if supported."""
    value = settings().value("language", "")
    if isinstance(value, str) and value in LANGUAGES:
        return value
    return "zh_CN" if QLocale.system().name().startswith("zh") else DEFAULT_LANGUAGE


def current_language() -> str:
    """Return the language now installed."""
    return _current


def install_language(code: str, remember: bool = True) -> bool:
    """Switch the whole app to `code` ("en" or "zh_CN"); return False if its file is missing.

    English needs no translator: the source strings are English.
    """
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"language must be one of {sorted(LANGUAGES)}, not {code!r}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    if code != DEFAULT_LANGUAGE:
        if code not in _loaded:
            _loaded[code] = _load(code)
        ok, translators = _loaded[code]
        _installed.extend(translators)
    for translator in _installed:
        app.installTranslator(translator)
    _current = code
    QLocale.setDefault(QLocale(code))
    if remember:
        settings().setValue("language", code)
    return ok


def _load(code: str) -> tuple[bool, list[QTranslator]]:
    """Return whether HostLab's own file loaded, and the translators (ours, Qt's) that did."""
    app = QCoreApplication.instance()
    translators = []
    ours = QTranslator(app)
    ok = ours.load(str(asset_path("i18n", f"hostlab_{code}.qm")))
    if ok:
        translators.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{code}", qt_dir):
        translators.append(qtbase)
    return ok, translators


def catalog_name(text: str) -> str:
    """Translate a catalog template or host name (falls back to the catalog's English)."""
    return QCoreApplication.translate("catalog", text)
