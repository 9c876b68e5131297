"""The pieces of the Linux build that run before dpkg-deb: Qt trimming and the Depends line.

The built packages themselves are smoke-tested by `make package-check`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(name: str, path: Path):  # -> module; packaging/ is scripts, not a package
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_filter = load("bundle_filter", ROOT / "packaging" / "bundle_filter.py")
deb_depends = load("deb_depends", ROOT / "packaging" / "linux" / "deb_depends.py")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("assets/i18n/hostlab_zh_CN.qm", True),
        ("assets/fonts/wqy-microhei.ttc", True),
        ("pyqtgraph/icons/auto.png", True),
        ("pyqtgraph/icons/peegee/peegee_512px@2x.png", False),
        ("hostlab.egg-info/PKG-INFO", False),
    ],
)
def test_bundle_keeps_what_the_app_uses(dest: str, kept: bool) -> None:
    assert bundle_filter.wanted(dest) is kept


def test_system_libraries_map_to_packages_and_are_never_bundled() -> None:
    table = deb_depends.read_table()
    assert table["libxcb-icccm.so.4"] == "libxcb-icccm4"
    assert table["libxcb-keysyms.so.1"] == "libxcb-keysyms1"
    # Qt's xcb plugin needs these; a build machine may have them or not, the .deb never bundles
    # them (they come from Depends), so every build is the same.
    for soname in (
        "libxcb-cursor.so.0",
        "libxcb-image.so.0",
        "libxcb-render-util.so.0",
        "libxcb-shape.so.0",
        "libxcb-util.so.1",
        "libxcb-xkb.so.1",
        "libxkbcommon-x11.so.0",
    ):
        assert soname in table
    assert set(table) == bundle_filter.system_sonames()


def test_glibc_floor_is_the_newest_version_referenced(tmp_path: Path) -> None:
    (tmp_path / "a.so").write_bytes(b"\x7fELF...GLIBC_2.17\0GLIBC_2.34\0")
    (tmp_path / "b.so").write_bytes(b"\x7fELF...GLIBC_2.28\0")
    assert deb_depends.glibc_minor(deb_depends.elf_files(tmp_path)) == 34


def test_depends_of_a_folder_without_libraries_is_libc_fonts_and_ffmpeg(tmp_path: Path) -> None:
    # ffmpeg: the Linux bundle leaves imageio-ffmpeg's own program out (hostlab.spec).
    assert deb_depends.depends(tmp_path) == "libc6 (>= 2.17), ffmpeg, fontconfig-config"


def test_linux_bundle_leaves_imageio_ffmpegs_program_out() -> None:
    spec = (ROOT / "packaging" / "hostlab.spec").read_text(encoding="utf-8")
    collect = 'datas += collect_data_files("imageio_ffmpeg", subdir="binaries")'
    assert f"if not LINUX:\n    {collect}" in spec
    assert spec.count("collect_data_files(") == 1  # only the guarded call
    # PyInstaller's hook collects it on its own: the spec must filter it out on Linux.
    assert "if LINUX:" in spec and '.match("imageio_ffmpeg/binaries/ffmpeg-*")' in spec
    build = (ROOT / "packaging" / "build_linux.sh").read_text(encoding="utf-8")
    assert "imageio_ffmpeg/binaries" in build  # and the build fails if one is left


def test_control_template_has_the_required_fields() -> None:
    text = (ROOT / "packaging" / "linux" / "control.in").read_text(encoding="utf-8")
    for field in ("Package", "Version", "Architecture", "Maintainer", "Depends", "Description"):
        assert f"\n{field}: " in f"\n{text}", f"control.in has no {field}"
