"""A lesson's predictions as its TOML states them: the question, and how the run answers it.

A `[[lesson.predictions]]` table asks the class, when the lesson's clock reaches `at_s`, for a
number with its unit, a choice, or an order; the run answers it at `reveal_s`. The expected
answer is never typed: `answer` (a number) or each choice's `query` is a quantity of
sim/lesson_text.py, evaluated on the run. Loading checks every field like the rest of a scenario
(sim/fields.py): one line naming the file and the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.fields import Table

MAX_PREDICTIONS = 100
MAX_CHOICES = 8
MAX_TEXT = 2_000
KINDS = ("number", "choice", "order")
RULES = ("largest", "smallest")
GROUPS = ("A", "B", "C", "D", "E", "F")


@dataclass(frozen=True, slots=True)
class ChoiceSpec:
    """One answer the class may pick: its words in both languages and the quantity behind it."""

    text: str
    text_zh: str
    query: str


@dataclass(frozen=True, slots=True)
class PredictionSpec:
    """A question asked at `at_s` and answered by the run at `reveal_s`.

    A "number" is right within `tolerance` (relative) of `answer` evaluated in `unit`; a
    "choice" is right when it is the choice whose quantity is the `rule` ("largest" or
    "smallest"); an "order" lists the choices from the `rule` one on ("smallest" first).
    """

    id: str
    at_s: float
    reveal_s: float
    kind: str
    question: str
    question_zh: str
    explain: str
    explain_zh: str
    answer: str = ""
    unit: str = ""
    tolerance: float = 0.2
    rule: str = "largest"
    choices: tuple[ChoiceSpec, ...] = ()

    def text(self, field_name: str, lang: str) -> str:
        """Return `field_name` in `lang` ("zh_CN" or "en"), falling back to English."""
        if lang.startswith("zh"):
            return str(getattr(self, f"{field_name}_zh") or getattr(self, field_name))
        return str(getattr(self, field_name))


def parse_predictions(lt: Table, max_time_s: float) -> tuple[PredictionSpec, ...]:
    """Read the `predictions` tables of a `[lesson]` table."""
    specs = tuple(_prediction(t, max_time_s) for t in lt.tables("predictions", MAX_PREDICTIONS))
    ids = [p.id for p in specs]
    if len(set(ids)) != len(ids):
        raise lt.error("predictions", "predictions with different ids", ids)
    return specs


def _prediction(t: Table, max_time_s: float) -> PredictionSpec:
    t.only(
        (
            "id",
            "at_s",
            "reveal_s",
            "kind",
            "question",
            "question_zh",
            "explain",
            "explain_zh",
            "answer",
            "unit",
            "tolerance",
            "rule",
            "choices",
        )
    )
    kind = t.string("kind", choices=KINDS)
    at_s = t.number("at_s", hi=max_time_s)
    spec = PredictionSpec(
        t.ident("id"),
        at_s,
        t.number("reveal_s", lo=at_s, hi=max_time_s),
        kind,
        t.string("question", max_len=MAX_TEXT),
        t.string("question_zh", max_len=MAX_TEXT),
        t.string("explain", max_len=MAX_TEXT),
        t.string("explain_zh", max_len=MAX_TEXT),
        _query(t, "answer", required=kind == "number"),
        _unit(t, kind),
        t.number("tolerance", 0.2, lo=0.0, hi=1.0),
        t.string("rule", "largest", choices=RULES),
        tuple(_choice(c) for c in t.tables("choices", MAX_CHOICES)),
    )
    if kind != "number" and len(spec.choices) < 2:
        raise t.error("choices", f"at least two [[choices]] for a {kind!r} prediction")
    if kind == "number" and spec.choices:
        raise t.error("choices", "no choices for a 'number' prediction (it has an answer)")
    return spec


def _unit(t: Table, kind: str) -> str:
    from sim.lesson_text import UNITS  # lesson_text reads scenarios: import when loading one

    if kind != "number":
        if t.has("unit"):
            raise t.error("unit", f"no unit for a {kind!r} prediction (only numbers have one)")
        return ""
    return t.string("unit", "", choices=tuple(UNITS))


def _query(t: Table, key: str, required: bool) -> str:
    from sim.lesson_text import quantity_names

    if not required and not t.has(key):
        return ""
    query = t.string(key, max_len=200)
    if not query.split() or query.split()[0] not in quantity_names():
        raise t.error(
            key, "a quantity of sim/lesson_text.py (" + ", ".join(quantity_names()) + ")", query
        )
    return query


def _choice(c: Table) -> ChoiceSpec:
    c.only(("text", "text_zh", "query"))
    return ChoiceSpec(
        c.string("text", max_len=MAX_TEXT),
        c.string("text_zh", max_len=MAX_TEXT),
        _query(c, "query", required=True),
    )


def dump_predictions(specs: tuple[PredictionSpec, ...], toml: object) -> list[str]:
    """Return the TOML lines that write `specs` back (`toml` formats one value)."""
    fmt = toml if callable(toml) else repr
    lines: list[str] = []
    for p in specs:
        lines += ["", "[[lesson.predictions]]"]
        for key in (
            "id",
            "at_s",
            "reveal_s",
            "kind",
            "question",
            "question_zh",
            "explain",
            "explain_zh",
            "answer",
            "unit",
            "tolerance",
            "rule",
        ):
            value = getattr(p, key)
            required = key in ("question", "question_zh", "explain", "explain_zh")  # even empty
            if (value != "" or required) and not (
                p.kind != "number" and key in ("answer", "unit", "tolerance")
            ):
                lines.append(f"{key} = {fmt(float(value) if key.endswith('_s') else value)}")
        for ch in p.choices:
            lines += [
                "",
                "[[lesson.predictions.choices]]",
                f"text = {fmt(ch.text)}",
                f"text_zh = {fmt(ch.text_zh)}",
                f"query = {fmt(ch.query)}",
            ]
    return lines
