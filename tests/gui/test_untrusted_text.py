"""Scenario text is shown as text (issue 13 item 13); lesson steps render once per frame; the
window's exports are atomic and cover every host; translators are not piled up."""

from __future__ import annotations

import csv
import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel

from gui import i18n
from gui.export import DATA_SUBFOLDER, export_data, export_picture
from gui.text.safe_text import escape, inline, lesson_html, literal
from gui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    """A real image file: if any markup made Qt load it, the document would show it."""
    path = tmp_path / "canary.png"
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(0xFFFF0000)
    image.save(str(path))
    return path


def fragments(doc: QTextDocument) -> list:
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            found.append(it.fragment().charFormat())
            it += 1
        block = block.next()
    return found


def test_markup_in_lesson_text_loads_nothing(
    window: MainWindow, tmp_path: Path, canary: Path
) -> None:
    lesson = tmp_path / "evil.toml"
    lesson.write_text(
        "version = 1\n[lesson]\n"
        f'title = "![t]({canary}) <img src=\\"{canary}\\">"\n'
        f'summary = "<img src=\\"{canary}\\">"\n'
        f'notes = "![x]({canary})\\n\\n[shell](file:///bin/sh) [docs](https://docs.docker.com)"\n'
        "[[lesson.steps]]\nat_s = 0.0\n"
        f'text = "<img src=\\"{canary}\\"> [x](file:///bin/sh)"\n',
        encoding="utf-8",
    )
    assert window.files.open_path(lesson)
    window.controller.run_until(0.1)
    formats = fragments(window.lesson_notes.document())
    assert not any(f.isImageFormat() for f in formats)
    links = [f.anchorHref() for f in formats if f.isAnchor()]
    assert links == ["https://docs.docker.com"]
    assert "<img" in window.lesson_notes.toPlainText()  # shown as the text it is
    prompt = window.lesson_prompt.label
    assert prompt.textFormat().name == "PlainText" and prompt.text().startswith("<img src=")


def test_the_status_bar_shows_a_host_id_as_text(window: MainWindow) -> None:
    from sim.scenario import HostSpec, Scenario
    from sim.session import Session

    evil = '<img src="/nonexistent/x.png">'
    session = Session.bundled(Scenario(host=HostSpec(id=evil), more_hosts=(HostSpec(id="b"),)))
    window.controller.set_session(session)
    label: QLabel = window.host_label
    assert escape(evil) in label.text() and evil not in label.text()


@pytest.mark.parametrize(
    "markdown, html",
    [
        ("![alt](/dev/zero)", "<p>alt</p>"),
        ("[x](file:///bin/sh)", "<p>x</p>"),
        ("[x](javascript:alert)", "<p>x</p>"),
        ("[x](http://a.example/b)", '<p><a href="http://a.example/b">x</a></p>'),
        ("<b onclick=x>hi</b>", "<p>&lt;b onclick=x&gt;hi&lt;/b&gt;</p>"),
        (
            "## Title\n- one\n  two\n- **three**",
            "<h2>Title</h2>\n<ul><li>one two</li><li><b>three</b></li></ul>",
        ),
        ("1. a\n2. b\n\nafter", "<ol><li>a</li><li>b</li></ol>\n<p>after</p>"),
    ],
)
def test_lesson_markdown_subset(markdown: str, html: str) -> None:
    assert lesson_html(markdown) == html


def test_inline_and_tooltip_escape_everything() -> None:
    assert inline('<img src="x">') == "&lt;img src=&quot;x&quot;&gt;"
    assert literal("a<b>\nc") == "<p>a&lt;b&gt;<br>c</p>"


def test_many_steps_render_once_per_frame(window: MainWindow, monkeypatch) -> None:
    from sim.scenario import Lesson, LessonStep

    panel = window.lesson_notes
    steps = tuple(LessonStep(i * 0.001, f"step {i}", "") for i in range(1000))
    panel.set_lesson(Lesson(title="Many", steps=steps))
    renders = []
    original = panel.setHtml
    monkeypatch.setattr(panel, "setHtml", lambda html: (renders.append(1), original(html)))
    prompts = []
    panel.step_reached.connect(lambda en, zh: prompts.append(en))
    window.controller.run_until(2.0)
    assert len(renders) == 1 and prompts == ["step 999"]
    assert panel.toPlainText().count("✔") == 1000


def test_language_switches_reuse_translators(window: MainWindow) -> None:
    app = QCoreApplication.instance()
    i18n.install_language("zh_CN", remember=False)
    i18n.install_language("en", remember=False)
    before = len(app.findChildren(QTranslator))
    for _ in range(20):
        i18n.install_language("zh_CN", remember=False)
        i18n.install_language("en", remember=False)
    assert len(app.findChildren(QTranslator)) == before


def test_a_full_disk_fails_the_svg_export_and_leaves_no_file(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    for name in ("memory.svg", "memory.png"):
        with pytest.raises(OSError, match="No space left"):
            export_picture(window.sections["memory"], tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_picture_export_keeps_the_permissions_of_the_file_it_replaces(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "shot.png"
    path.write_bytes(b"old")
    path.chmod(0o644)
    export_picture(window.sections["memory"], path)
    assert (path.stat().st_mode & 0o777) == 0o644 and QImage(str(path)).width() > 0


def test_window_data_export_covers_every_host(window: MainWindow, tmp_path: Path) -> None:
    assert window.files.open_path(ROOT / "assets" / "scenarios" / "06-portability.toml")
    window.controller.run_until(60.0)
    (tmp_path / "notes.txt").write_text("the teacher's own file")
    files = export_data(window.controller.session, tmp_path)
    assert files[0].parent == tmp_path / DATA_SUBFOLDER  # beside the teacher's file, not over
    assert (tmp_path / "notes.txt").read_text() == "the teacher's own file"
    with (tmp_path / DATA_SUBFOLDER / "phases.csv").open() as f:
        phases = list(csv.DictReader(f))
    with (tmp_path / DATA_SUBFOLDER / "memory.csv").open() as f:
        memory_hosts = {row["host"] for row in csv.DictReader(f)}
    assert {row["host"] for row in phases} >= {"lab", "arm-board"}
    assert memory_hosts == set(window.controller.session.hosts)


@pytest.mark.parametrize("case", ["fifo", "digits", "nul", "markup"])
def test_the_window_says_cannot_open_for_hostile_files(
    window: MainWindow, tmp_path: Path, message_boxes, case: str
) -> None:
    path = tmp_path / "lesson.toml"
    if case == "fifo":
        os.mkfifo(path)  # opening it for reading would block the window until a writer came
    elif case == "markup":  # the error quotes the id: the message box must not load the image
        path.write_text(
            'version = 1\n[[hosts]]\nid = "<img src=\\"/dev/zero\\">"\n', encoding="utf-8"
        )
    elif case == "digits":
        path.write_text("version = 1\nseed = " + "9" * 5000 + "\n", encoding="utf-8")
    else:
        path = tmp_path / "les\x00son.toml"
    session = window.controller.session
    assert not window.files.open_path(path)
    errors = message_boxes.texts("critical")
    assert len(errors) == 1 and "lesson.toml" in errors[0].replace("\\x00", "")
    assert errors[0].startswith("<p>") and "<img" not in errors[0]  # shown as text
    assert window.controller.session is session
