"""Templates a scenario file defines show as palette tiles that add guests, in both languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.window.main_window import MainWindow

SCENARIO = """version = 1
[[templates]]
id = "ubuntu-1g"
base = "ubuntu-server"
name = "Ubuntu Server VM, 1 GiB"
name_zh = "Ubuntu 服务器虚拟机（1 GiB）"
memory_mib = 1024
vcpus = 1
[[templates]]
id = "nginx-64"
base = "nginx"
memory_limit_mib = 64
"""


def test_scenario_templates_are_tiles_that_add_their_guests(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "t.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    assert window.files.open_path(path)
    palette = window.palette_panel
    vm_tile, nginx_tile = palette.tile("ubuntu-1g"), palette.tile("nginx-64")
    assert "Ubuntu Server VM, 1 GiB" in vm_tile.title_text()
    assert "nginx-64" in nginx_tile.title_text()  # no name of its own: the base's, marked by id
    assert "ubuntu-server" in vm_tile.toolTip()
    qtbot.mouseClick(vm_tile, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(nginx_tile, Qt.MouseButton.LeftButton)
    session = window.controller.session
    assert session.guest("ubuntu-1g-1").template.memory_mib == 1024
    assert session.guest("nginx-64-1").config.memory_limit_mib == 64
    assert i18n.install_language("zh_CN", remember=False)
    qtbot.waitUntil(
        lambda: "Ubuntu 服务器虚拟机（1 GiB）" in palette.tile("ubuntu-1g").title_text()
    )
    window.controller.new_scenario()
    assert "ubuntu-1g" not in palette.template_ids()
