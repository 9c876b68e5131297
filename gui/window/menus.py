"""The menu bar, declared as data: one row per menu, action or separator, in menu order.

A row's `command` names what it does on the window ("files.save", "commands.show_about",
"reset_layout"): adding an entry is one row here, its command, and its translation. Menus
whose entries change (recent files, lessons, one screenshot entry per view) name a `fill`
command called each time they open. Texts are translated in the "MainWindow" context, where
the .ts file has always kept them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.i18n import LANGUAGES, current_language, install_language
from gui.text import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate
Key = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the menu bar: a menu, an action, or a separator ("-" as its name).

    `menu` is the path of the menu it sits in ("" for the bar itself, "file/recent" for a
    submenu). An action's `command` is called with no argument, a checkable one's with its
    new state; a menu's `fill(menu)`, when given, refills it each time it opens.
    """

    menu: str
    name: str
    text: str = ""
    command: str = ""
    shortcut: str | QKeySequence.StandardKey | None = None
    checkable: bool = False
    fill: str = ""
    kind: str = "action"  # "action", "menu" or "separator"


def _menu(parent: str, name: str, text: str, fill: str = "") -> Entry:
    return Entry(parent, name, text, fill=fill, kind="menu")


def _separator(menu: str) -> Entry:
    return Entry(menu, "-", kind="separator")


ENTRIES: tuple[Entry, ...] = (
    _menu("", "file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    Entry("file", "new", QT_TRANSLATE_NOOP("MainWindow", "&New"), "files.new", Key.New),
    Entry("file", "open", QT_TRANSLATE_NOOP("MainWindow", "&Open…"), "files.open", Key.Open),
    _menu(
        "file", "recent", QT_TRANSLATE_NOOP("MainWindow", "Open &recent"), "files.fill_recent_menu"
    ),
    _separator("file"),
    Entry("file", "save", QT_TRANSLATE_NOOP("MainWindow", "&Save"), "files.save", Key.Save),
    Entry(
        "file", "save_as", QT_TRANSLATE_NOOP("MainWindow", "Save &as…"), "files.save_as", Key.SaveAs
    ),
    _separator("file"),
    _menu(
        "file",
        "screenshot",
        QT_TRANSLATE_NOOP("MainWindow", "E&xport screenshot"),
        "commands.fill_screenshot_menu",
    ),
    Entry(
        "file",
        "export_data",
        QT_TRANSLATE_NOOP("MainWindow", "Export &data (CSV and JSON)…"),
        "files.export_data",
    ),
    Entry(
        "file",
        "export_predictions",
        QT_TRANSLATE_NOOP("MainWindow", "Export &predictions and results (CSV)…"),
        "prediction_card.export",
    ),
    Entry(
        "file",
        "record",
        QT_TRANSLATE_NOOP("MainWindow", "Record &video…"),
        "commands.record_video",
        "Ctrl+Shift+R",
    ),
    _separator("file"),
    Entry("file", "quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", Key.Quit),
    _menu("", "view", QT_TRANSLATE_NOOP("MainWindow", "&View"), "commands.sync_view_menu"),
    Entry(
        "view",
        "projector",
        QT_TRANSLATE_NOOP("MainWindow", "&Projector mode"),
        "commands.toggle_projector",
        "F5",
        checkable=True,
    ),
    Entry(
        "view",
        "log_time",
        QT_TRANSLATE_NOOP("MainWindow", "&Log time axis"),
        "commands.toggle_log_time",
        "Ctrl+L",
        checkable=True,
    ),
    Entry(
        "view",
        "side_by_side",
        QT_TRANSLATE_NOOP("MainWindow", "&Side by side (two hosts)"),
        "side_by_side.set_on",
        "F6",
        checkable=True,
    ),
    Entry(
        "view",
        "compare",
        QT_TRANSLATE_NOOP("MainWindow", "&Compare with another scenario…"),
        "side_by_side.compare_with",
    ),
    Entry("view", "reset_layout", QT_TRANSLATE_NOOP("MainWindow", "&Reset layout"), "reset_layout"),
    _menu("", "lessons", QT_TRANSLATE_NOOP("MainWindow", "Le&ssons"), "commands.fill_lessons_menu"),
    _menu("", "language", QT_TRANSLATE_NOOP("MainWindow", "&Language")),
    _menu("", "help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
    Entry(
        "help",
        "notes",
        QT_TRANSLATE_NOOP("MainWindow", "Lesson &notes"),
        "commands.show_lesson_notes",
    ),
    Entry(
        "help", "about", QT_TRANSLATE_NOOP("MainWindow", "&About HostLab"), "commands.show_about"
    ),
)


def _command(owner: object, path: str) -> Callable[..., object]:
    """Return the callable at dotted `path` on `owner` ("files.save")."""
    target = owner
    for part in path.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise TypeError(f"menu command {path!r} is not callable")
    return target


class MenuBar(QObject):
    """Builds a window's menu bar from `ENTRIES` and keeps its texts in the current language.

    `actions` and `menus` hold what was built, by entry name; `language_actions` the
    checkable action of each language.
    """

    def __init__(self, window: QMainWindow, entries: tuple[Entry, ...] = ENTRIES) -> None:
        super().__init__(window)
        self._window = window
        self._entries = entries
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}
        self.language_actions: dict[str, QAction] = {}
        for entry in entries:
            self._build(entry)
        self._build_languages(self.menus["language"])
        self.retranslate()

    def _build(self, entry: Entry) -> None:
        parent = self.menus[entry.menu] if entry.menu else self._window.menuBar()
        if entry.kind == "separator":
            parent.addSeparator()
        elif entry.kind == "menu":
            menu = parent.addMenu("")
            if entry.fill:
                fill = _command(self._window, entry.fill)
                menu.aboutToShow.connect(lambda m=menu, f=fill: f(m))
            self.menus[entry.name] = menu
        else:
            action = parent.addAction("")
            action.setCheckable(entry.checkable)
            if entry.shortcut is not None:
                action.setShortcut(QKeySequence(entry.shortcut))
            command = _command(self._window, entry.command)
            if entry.checkable:
                action.triggered.connect(command)
            else:
                action.triggered.connect(lambda _=False, c=command: c())
            self.actions[entry.name] = action

    def _build_languages(self, menu: QMenu) -> None:
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = menu.addAction(name)  # each language named in its own script
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: install_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.language_actions[current_language()].setChecked(True)

    def retranslate(self) -> None:
        """Set every menu and action text in the current language."""
        for entry in self._entries:
            text = translate("MainWindow", entry.text)
            if entry.kind == "menu":
                self.menus[entry.name].setTitle(text)
            elif entry.kind == "action":
                self.actions[entry.name].setText(text)
