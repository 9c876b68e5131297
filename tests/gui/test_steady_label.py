"""A figure that changes every frame repaints its label alone: no layout pass of its window."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from gui.steady_label import SteadyLabel


def _bar(qtbot, label: QLabel, layout_requests):  # noqa: ANN001, ANN202
    bar = QWidget()
    qtbot.addWidget(bar)
    row = QHBoxLayout(bar)
    row.addWidget(label)
    row.addWidget(QLabel("seed 7"))
    bar.show()
    QApplication.processEvents()
    return bar, layout_requests(bar)


def test_a_changing_figure_lays_nothing_out_and_is_never_cut(qtbot, layout_requests) -> None:  # noqa: ANN001
    plain = QLabel("t = 1.0 s")
    _plain_bar, requests = _bar(qtbot, plain, layout_requests)
    plain.setText("t = 1.1 s")
    QApplication.processEvents()
    assert requests.count > 0  # what a plain label costs: the bar is laid out again
    label = SteadyLabel("t = 1.0 s")
    _bar_kept, label_requests = _bar(qtbot, label, layout_requests)
    for i in range(2, 9):
        label.set_steady_text(f"t = 1.{i} s")
        QApplication.processEvents()
    assert label_requests.count == 0
    label.set_steady_text("t = 1 h 12 min 10.4 s")  # longer: it grows once, to fit
    grown = label.size()
    assert grown.width() >= label.fontMetrics().horizontalAdvance(label.text())
    label.set_steady_text("t = 2 s")  # shorter: it keeps its size, the neighbours stay put
    assert label.size() == grown


def test_a_new_font_measures_the_label_afresh(qtbot, layout_requests) -> None:  # noqa: ANN001
    label = SteadyLabel("Memory 1.7 GiB of 64.0 GiB RAM (3 %)")
    _bar_kept = _bar(qtbot, label, layout_requests)
    small = label.size()
    big = QFont(label.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    label.setFont(big)  # projector mode
    assert label.size() == label.sizeHint()
    assert label.width() > small.width()


def test_refit_takes_the_size_of_a_shorter_text(qtbot, layout_requests) -> None:  # noqa: ANN001
    label = SteadyLabel("Memory 690 MiB of 64.0 GiB RAM (1 %)")
    _bar_kept = _bar(qtbot, label, layout_requests)
    wide = label.width()
    label.set_steady_text("Memory 690 MiB (1 %)")
    assert label.width() == wide  # kept: the bar does not jump from frame to frame
    label.refit()  # a shorter form chosen for a narrower bar
    assert label.width() < wide
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
