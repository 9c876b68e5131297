"""Scenario text on screen: shown as text, never as markup that loads something.

A scenario file is untrusted, and Qt treats any string that looks like HTML as rich text:
`<img src="/dev/zero">` in a label makes Qt read that file as an image, and Markdown's
`![x](/dev/zero)` does the same in a text browser. Every place that shows text from a scenario
(lesson notes, title and summary, step prompts, host ids, tooltips) goes through this module:
`escape` for text put inside our own rich text, `literal` for tooltips and message boxes
(which guess the format from the text itself), `lesson_html` for
lesson notes, which keep a small Markdown subset (headings, paragraphs, lists, **bold**) with
no images and only http(s) links, all built here from escaped text.
"""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]*)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_WEB = re.compile(r"https?://[^\s\"'<>]+")
_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_BULLET = re.compile(r"[-*+]\s+(.*)")
_NUMBERED = re.compile(r"\d{1,9}[.)]\s+(.*)")
# A section title on its own line: "WHAT TO WATCH", or a short Chinese one such as "看什么".
_SECTION = re.compile(r"[A-Z][A-Z ]{3,40}|[\u4e00-\u9fff]{2,6}")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _join(lines: list[str]) -> str:
    """Join wrapped source lines: a space between words, none between Chinese characters."""
    text = ""
    for line in lines:
        cjk_seam = text and _CJK.match(text[-1]) and _CJK.match(line[0])
        text += line if not text or cjk_seam else " " + line
    return text


def escape(text: str) -> str:
    """Return `text` with every character that means something in HTML escaped."""
    return html.escape(text, quote=True)


def literal(text: str) -> str:
    """Return `text` as rich text that Qt shows literally, line breaks kept.

    For tooltips and message boxes: Qt treats their text as HTML when its first line holds a
    known tag, so an error quoting `<img src=...>` from a file would otherwise load that file.
    """
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def inline(text: str) -> str:
    """Return one line of scenario Markdown as safe HTML: **bold** and http(s) links only.

    An image becomes its alternative text; a link to anything but http(s) (a local file, a
    `file:` or `javascript:` URL) becomes its text, so nothing on the computer can be opened.
    """
    out: list[str] = []
    last = 0
    for m in _LINK.finditer(text):
        out.append(_bold(escape(text[last : m.start()])))
        label = _bold(escape(m.group(2)))
        url = m.group(3)
        if not m.group(1) and _WEB.fullmatch(url):
            out.append(f'<a href="{escape(url)}">{label}</a>')
        else:
            out.append(label)
        last = m.end()
    out.append(_bold(escape(text[last:])))
    return "".join(out)


def _bold(escaped: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", escaped)


def lesson_html(markdown: str) -> str:
    """Return lesson notes (a Markdown subset) as HTML that loads nothing."""
    parts: list[str] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    list_tag = ""

    def close() -> None:
        nonlocal list_tag
        if paragraph:
            parts.append("<p>" + inline(_join(paragraph)) + "</p>")
            paragraph.clear()
        if items:
            body = "".join("<li>" + inline(_join(item)) + "</li>" for item in items)
            parts.append(f"<{list_tag}>{body}</{list_tag}>")
            items.clear()
        list_tag = ""

    for raw in markdown.splitlines():
        line = raw.strip()
        heading, bullet, numbered = (
            _HEADING.fullmatch(line),
            _BULLET.fullmatch(line),
            _NUMBERED.fullmatch(line),
        )
        if not line:
            close()
        elif not paragraph and not items and _SECTION.fullmatch(line):
            close()  # a section title, not the first words of its paragraph
            parts.append(f"<h3>{inline(line)}</h3>")
        elif heading:
            close()
            level = len(heading.group(1))
            parts.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        elif item := bullet or numbered:
            tag = "ul" if bullet else "ol"
            if paragraph or list_tag != tag:
                close()
            list_tag = tag
            items.append([item.group(1)])
        elif items and raw[:1].isspace():
            items[-1].append(line)  # an indented line continues the list item
        else:
            if items:
                close()
            paragraph.append(line)
    close()
    return "\n".join(parts)
