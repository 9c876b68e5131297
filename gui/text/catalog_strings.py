"""Catalog names for the translation system: every template and host-preset name.

The names themselves live in assets/catalog/*.toml. Listing them here inside
QT_TRANSLATE_NOOP("catalog", ...) lets pyside6-lupdate extract them; `gui.i18n.catalog_name`
translates them at run time. tests/gui/test_i18n.py fails when the catalog gains a name that is
missing here.
"""

from gui.text import QT_TRANSLATE_NOOP

TEMPLATE_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("catalog", "Alpine (sleep)"),
    QT_TRANSLATE_NOOP("catalog", "nginx web server"),
    QT_TRANSLATE_NOOP("catalog", "Redis key-value store"),
    QT_TRANSLATE_NOOP("catalog", "PostgreSQL database"),
    QT_TRANSLATE_NOOP("catalog", "Python web app"),
    QT_TRANSLATE_NOOP("catalog", "Alpine in gVisor"),
    QT_TRANSLATE_NOOP("catalog", "Alpine in Kata"),
    QT_TRANSLATE_NOOP("catalog", "Firecracker microVM"),
    QT_TRANSLATE_NOOP("catalog", "Alpine Linux VM"),
    QT_TRANSLATE_NOOP("catalog", "Ubuntu Server VM"),
    QT_TRANSLATE_NOOP("catalog", "Debian 12 VM"),
    QT_TRANSLATE_NOOP("catalog", "Windows Server VM"),
    QT_TRANSLATE_NOOP("catalog", "nginx in Docker in an Ubuntu VM"),
    QT_TRANSLATE_NOOP("catalog", "IIS web server (Windows container)"),
)
HOST_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("catalog", "Teacher's laptop"),
    QT_TRANSLATE_NOOP("catalog", "Classroom server"),
    QT_TRANSLATE_NOOP("catalog", "Big server"),
)
