"""Languages: run-time switching, remembered choice, complete translations, CJK font."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.fonts import asset_path, cjk_family, load_bundled_fonts
from gui.text import catalog_strings
from gui.window.main_window import MainWindow
from sim.catalog import Catalog

TS = asset_path("i18n", "hostlab_zh_CN.ts")


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_switching_to_chinese_and_back_changes_menus_and_titles(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert _menus(window)[:2] == ["&File", "&View"]
    assert window.sections["memory"].title() == "Host memory by layer"
    window.menu_bar.language_actions["zh_CN"].trigger()
    assert i18n.current_language() == "zh_CN"
    qtbot.waitUntil(lambda: _menus(window)[0] != "&File")  # LanguageChange is posted
    assert _menus(window)[:2] == ["文件(&F)", "视图(&V)"]
    assert window.sections["memory"].title() == "主机内存（按层）"
    assert "主机内存" in window.sections["memory"].title_label.text()
    assert window.tabs.tabText(window.tabs.indexOf(window.tabs.page("log"))) == "事件日志"
    assert window.transport.play_action.text() == "播放"
    assert "网页服务器" in window.palette_panel.tile("nginx")._title.text()
    assert window.host_panel.preset_combo().currentText() == "教室服务器"
    assert i18n.settings().value("language") == "zh_CN"  # remembered
    assert i18n.saved_language() == "zh_CN"
    window.menu_bar.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: _menus(window)[0] == "&File")
    assert _menus(window)[:2] == ["&File", "&View"]
    assert window.sections["memory"].title() == "Host memory by layer"
    assert window.host_panel.preset_combo().currentText() == "Classroom server"
    assert i18n.saved_language() == "en"


def test_every_catalog_name_reaches_the_translation_system() -> None:
    catalog = Catalog.load()
    names = {t.name for t in catalog.templates.values()} | {h.name for h in catalog.hosts.values()}
    listed = set(catalog_strings.TEMPLATE_NAMES) | set(catalog_strings.HOST_NAMES)
    assert names <= listed, f"add to gui/text/catalog_strings.py: {sorted(names - listed)}"


def test_every_message_is_translated() -> None:
    root = ET.parse(TS).getroot()
    untranslated = [
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") not in ("vanished", "obsolete")
        and (
            msg.find("translation").get("type") == "unfinished"
            or not (msg.findtext("translation") or "").strip()
        )
    ]
    assert untranslated == []


def test_placeholders_survive_translation() -> None:
    import re

    root = ET.parse(TS).getroot()
    for msg in root.iter("message"):
        source, translation = msg.findtext("source") or "", msg.findtext("translation") or ""
        if msg.find("translation").get("type") in ("vanished", "obsolete"):
            continue
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(
            re.findall(r"\{[^}]*\}", translation)
        ), source


def test_bundled_cjk_font_is_loaded_and_has_chinese_glyphs(qtbot: QtBot) -> None:
    families = load_bundled_fonts(QApplication.instance())
    assert families and cjk_family() == families[0]
    metrics = QFontMetrics(QFont(cjk_family()))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "主机内存容器虚拟机")
    assert cjk_family() in QApplication.font().families()


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        i18n.install_language("fr")


def test_font_licence_ships_with_the_font() -> None:
    licence = Path(asset_path("fonts", "LICENSE-wqy-microhei.txt")).read_text(encoding="utf-8")
    assert "Apache" in licence and asset_path("fonts", "wqy-microhei.ttc").stat().st_size > 1e6
