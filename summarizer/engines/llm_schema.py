"""The LLM-facing response models and the grounding rules they are validated with.

These models are what the model is asked to fill (one per chunk), separate from the output
models in :mod:`summarizer.models`. Field order matters for small models: the verbatim ``quote``
comes first and the attributes after it; numbers are copied as text (``"7.5%左右"``) and parsed
with :mod:`summarizer.numbers`, never asked for as a JSON number.

Validators ground every item in the chunk text, which they get as pydantic validation context
(``{"chunk": text}``) or, inside an instructor call, from :data:`CHUNK_TEXT` (instructor renders
the messages as Jinja templates whenever it is given a context, which would mangle report text,
so the engine passes the chunk through a context variable instead). A grounding failure raises,
which makes instructor re-ask the model with the error message.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .. import numbers, wording

CHUNK_TEXT: contextvars.ContextVar[str | None] = contextvars.ContextVar("chunk_text", default=None)

_QUOTE_STRIP = " \t\r\n\u3000\"'“”‘’「」『』《》"
_LEADING_WORDS = ("不低于", "不超过", "力争", "约", "达到", "达", "超过", "突破", "控制在", "稳定在",
                  "保持在", "增长", "提高", "下降", "降低", "减少", "增加", "新增")  # fmt: skip
_TRAILING_WORDS = ("左右", "以上", "以内", "以下", "上下")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# what small models write for "not stated" in an optional field
_NONE_WORDS = frozenset(
    {"无", "暂无", "没有", "未知", "不详", "未提及", "-", "—", "/", "null", "None", "N/A"}
)


def _compact(schema: dict[str, Any]) -> None:
    """Keep the schema sent with every request small: no auto-generated property titles or
    defaults (the model's own title stays: instructor names the tool after it)."""
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict):
            prop.pop("title", None)
            prop.pop("default", None)


class _LLMModel(BaseModel):
    model_config = ConfigDict(extra="ignore", json_schema_extra=_compact)


def _chunk(info: ValidationInfo) -> str | None:
    ctx = info.context
    if isinstance(ctx, dict) and isinstance(ctx.get("chunk"), str):
        return str(ctx["chunk"])
    return CHUNK_TEXT.get()


# ---------------------------------------------------------------- grounding helpers


def find_quote(
    text: str, lo: int, hi: int, quote: str, hint: int | None = None
) -> tuple[int, str] | None:
    """Where ``quote`` occurs verbatim in ``text[lo:hi]`` (outer blanks and quote marks may be
    trimmed): ``(start, quote_as_found)``; the occurrence at ``hint`` is preferred."""
    seen: set[str] = set()
    for q in (
        quote,
        quote.strip(),
        quote.strip(_QUOTE_STRIP),
        quote.strip(_QUOTE_STRIP + "。，；"),
    ):
        if not q or q in seen:
            continue
        seen.add(q)
        if hint is not None and lo <= hint and hint + len(q) <= hi and text.startswith(q, hint):
            return hint, q
        i = text.find(q, lo, hi)
        if i >= 0:
            return i, q
    # Small models copy the words but not always the punctuation (‘1346’ for “1346”, ，for ,):
    # match with punctuation variants folded one character to one character, so offsets hold,
    # and return the quote as the source writes it.
    body = text[lo:hi].translate(_FOLD)
    for q in seen:
        i = body.find(q.translate(_FOLD))
        if i >= 0:
            return lo + i, text[lo + i : lo + i + len(q)]
    return None


# Punctuation variants folded for quote matching (each maps one character to one character).
_FOLD = str.maketrans(
    {
        "“": '"', "”": '"', "‘": '"', "’": '"', "'": '"', "「": '"', "」": '"', "『": '"', "』": '"',
        "，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?", "、": ",",
        "％": "%", "—": "-", "－": "-", "～": "~", "\u3000": " ",
    }
)  # fmt: skip


def _core(value_text: str) -> str:
    s = value_text.strip(_QUOTE_STRIP)
    changed = True
    while changed:
        changed = False
        for w in _LEADING_WORDS:
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w) :].lstrip(), True
        for w in _TRAILING_WORDS:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)].rstrip(), True
    return s


def parse_value(value_text: str) -> tuple[float, float | None, str] | None:
    """The amount the model wrote (``"7.5%左右"`` → 7.5, None, ``%``), via numbers.py."""
    core = _core(value_text)
    if not core:
        return None
    parsed = numbers.parse_quantity(core)
    if parsed is not None:
        return parsed
    for m in numbers.find_mentions(value_text):
        if m.kind == "quantity" and m.value is not None:
            return m.value, m.value_max, m.unit
    return None


def _same(v1: float | None, u1: str, v2: float | None, u2: str) -> bool:
    if v1 is None or v2 is None:
        return v1 is None and v2 is None
    return bool(numbers.same_amount(v1, u1, v2, u2))


def locate_amount(
    text: str,
    qs: int,
    qe: int,
    value_text: str,
    *,
    hint: int | None = None,
    used: set[tuple[int, int]] | None = None,
) -> tuple[Any, str | None]:
    """The numeric mention inside ``text[qs:qe]`` that ``value_text`` names: ``(mention, None)``,
    or ``(None, reason)``. Only a mention with the same amount (value, range and unit by
    magnitude) is accepted: an item is never grounded onto a different number."""
    parsed = parse_value(value_text)
    if parsed is None:
        return None, f"value {value_text!r} is not a number with its unit; copy it as written"
    v, vmax, unit = parsed
    mentions = [
        m
        for m in numbers.find_mentions(text, qs, qe)
        if m.kind == "quantity" and m.value is not None
    ]
    same = [
        m
        for m in mentions
        if _same(v, unit, m.value, m.unit) and _same(vmax, unit, m.value_max, m.unit)
    ]
    if not same:
        written = "、".join(m.text for m in mentions) or "none"
        return None, (
            f"value {value_text!r} is not a number of the quote; numbers in the quote: {written}"
        )
    core = _core(value_text)
    spans = [i for i in _occurrences(text, core, qs, qe)] if core else []
    overlapping = [m for m in same if any(m.start < i + len(core) and i < m.end for i in spans)]
    pool = overlapping or same
    used = used if used is not None else set()
    if hint is not None:
        for m in pool:
            if m.start == hint and (m.start, m.end) not in used:
                return m, None
    for m in pool:
        if (m.start, m.end) not in used:
            return m, None
    return pool[0], None


def _occurrences(text: str, needle: str, lo: int, hi: int) -> list[int]:
    out, i = [], text.find(needle, lo, hi)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1, hi)
    return out


def numbers_in(s: str, text: str, lo: int, hi: int) -> bool:
    """True when every number written in ``s`` also appears in ``text[lo:hi]``."""
    region = text[lo:hi]
    for d in _DIGITS.findall(s):
        if d not in region:
            return False
    mentions = [m for m in numbers.find_mentions(s) if m.kind == "quantity"]
    if not mentions:
        return True
    source = [m for m in numbers.find_mentions(text, lo, hi) if m.kind == "quantity"]
    return all(
        m.text in region or any(_same(m.value, m.unit, o.value, o.unit) for o in source)
        for m in mentions
    )


# ---------------------------------------------------------------- the models


def _to_str(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, int | float) and not isinstance(v, bool):
        return format(v, "g")
    return v


class _QuotedItem(_LLMModel):
    """An item whose verbatim ``quote`` is located in the chunk (``_at``) before anything else."""

    quote: str = Field(json_schema_extra={"maxLength": 300})
    _at: int = PrivateAttr(-1)

    def _ground_quote(self, text: str) -> None:
        found = find_quote(text, 0, len(text), self.quote)
        if found is None:
            raise ValueError(f"quote {self.quote[:60]!r} is not in the text; copy it verbatim")
        self._at, self.quote = found


class TargetItem(_QuotedItem):
    indicator: str = Field(json_schema_extra={"maxLength": 40})
    value: str = Field(json_schema_extra={"maxLength": 30})
    _value_at: int = PrivateAttr(-1)

    @field_validator("quote", "indicator", "value", mode="before")
    @classmethod
    def _str(cls, v: Any) -> Any:
        return _to_str(v)

    @model_validator(mode="after")
    def _ground(self, info: ValidationInfo) -> TargetItem:
        text = _chunk(info)
        if text is None:
            return self
        if not self.indicator.strip():
            raise ValueError("indicator is empty")
        several = [m.text for m in numbers.find_mentions(self.value) if m.kind == "quantity"]
        if len(several) > 1:
            raise ValueError(
                f"value {self.value!r} holds {len(several)} numbers ({'、'.join(several)}); "
                "give one target per number"
            )
        self._ground_quote(text)
        mention, reason = locate_amount(text, self._at, self._at + len(self.quote), self.value)
        if mention is None:
            raise ValueError(reason)
        self._value_at = mention.start
        return self


class QualitativeItem(_QuotedItem):
    indicator: str = Field(json_schema_extra={"maxLength": 40})
    text: str = Field(json_schema_extra={"maxLength": 120})
    _at: int = PrivateAttr(-1)

    @field_validator("quote", "indicator", "text", mode="before")
    @classmethod
    def _str(cls, v: Any) -> Any:
        return _to_str(v)

    @model_validator(mode="after")
    def _ground(self, info: ValidationInfo) -> QualitativeItem:
        text = _chunk(info)
        if text is None:
            return self
        self._ground_quote(text)
        if not self.text.strip():
            self.text = self.quote
        if not numbers_in(self.text, self.quote, 0, len(self.quote)):
            raise ValueError(f"text {self.text[:40]!r} has a number that the quote does not")
        return self


class ProjectItem(_QuotedItem):
    name: str = Field(json_schema_extra={"maxLength": 60})
    amount: str = Field("", json_schema_extra={"maxLength": 30})
    amount_kind: str = Field("", json_schema_extra={"maxLength": 10})
    status: str = Field("", json_schema_extra={"maxLength": 10})
    _value_at: int = PrivateAttr(-1)

    @field_validator("quote", "name", mode="before")
    @classmethod
    def _str(cls, v: Any) -> Any:
        return _to_str(v)

    @field_validator("amount", "amount_kind", "status", mode="before")
    @classmethod
    def _opt_str(cls, v: Any) -> Any:
        v = _to_str(v)
        if isinstance(v, str):
            v = v.strip()
            return "" if v in _NONE_WORDS else v
        return v

    @model_validator(mode="after")
    def _ground(self, info: ValidationInfo) -> ProjectItem:
        text = _chunk(info)
        if text is None:
            return self
        self._ground_quote(text)
        name = self.name.strip(_QUOTE_STRIP)
        if not name or name not in self.quote:
            raise ValueError(f"name {self.name[:40]!r} is not in the quote; copy it as written")
        self.name = name
        if self.amount:
            mention, reason = locate_amount(text, self._at, self._at + len(self.quote), self.amount)
            if mention is None:
                raise ValueError(reason)
            self._value_at = mention.start
        for attr in ("amount_kind", "status"):
            word = getattr(self, attr)
            if word and word not in self.quote:
                setattr(self, attr, "")
        return self


class ChunkAnswer(_LLMModel):
    """报告片段的抽取结果"""

    targets: list[TargetItem] = Field(default_factory=list)
    qualitative_targets: list[QualitativeItem] = Field(default_factory=list)
    projects: list[ProjectItem] = Field(default_factory=list)

    @field_validator("targets", "qualitative_targets", "projects", mode="before")
    @classmethod
    def _lists(cls, v: Any) -> Any:
        return [] if v is None else v


class WorkChunkAnswer(ChunkAnswer):
    """报告片段的抽取结果"""

    summary: str = Field("", json_schema_extra={"maxLength": 80})
    measures: list[str] = Field(default_factory=list, description="至多3条举措短语",
                                json_schema_extra={"maxItems": 3})  # fmt: skip

    @field_validator("summary", mode="before")
    @classmethod
    def _summary(cls, v: Any) -> Any:
        return _to_str(v)

    @field_validator("measures", mode="before")
    @classmethod
    def _measures(cls, v: Any) -> Any:
        if v is None:
            return []
        if isinstance(v, str):
            return [v]
        if isinstance(v, list):
            return [str(x) for x in v if isinstance(x, str | int | float) and str(x).strip()]
        return v


@functools.cache
def bounded(
    model: type[ChunkAnswer], max_items: int | None, projects: bool = True
) -> type[ChunkAnswer]:
    """``model`` whose schema caps every item list at ``max_items`` (same name, same
    validation): a grammar-constrained server then cannot loop on items forever. With
    ``projects=False`` the projects list is capped at 0 items (a grammar then allows only
    ``[]``); the engine also ignores projects a server returns anyway."""
    if max_items is None and projects:
        return model

    def extra(schema: dict[str, Any]) -> None:
        _compact(schema)
        props = schema.get("properties", {})
        for name in ("targets", "qualitative_targets", "projects"):
            if name in props and max_items is not None:
                props[name]["maxItems"] = max_items
        if not projects and "projects" in props:
            props["projects"]["maxItems"] = 0

    config = ConfigDict(extra="ignore", json_schema_extra=extra)
    return type(model.__name__, (model,), {"model_config": config, "__doc__": model.__doc__})


ITEM_LISTS: tuple[tuple[str, type[_LLMModel]], ...] = (
    ("targets", TargetItem),
    ("qualitative_targets", QualitativeItem),
    ("projects", ProjectItem),
)


def schema_hash(model: type[BaseModel]) -> str:
    blob = json.dumps(model.model_json_schema(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- stored results


@dataclass
class ChunkResult:
    """A validated chunk answer as it is cached: items with their chunk-relative offsets."""

    data: dict[str, Any]
    dropped: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"answer": self.data, "dropped": self.dropped}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> ChunkResult:
        return cls(dict(obj["answer"]), int(obj.get("dropped", 0)))

    @classmethod
    def from_answer(cls, answer: ChunkAnswer, dropped: int = 0) -> ChunkResult:
        data: dict[str, Any] = {}
        for name, _ in ITEM_LISTS:
            items = []
            for item in getattr(answer, name):
                d = item.model_dump()
                d["at"] = item._at
                if hasattr(item, "_value_at"):
                    d["value_at"] = item._value_at
                items.append(d)
            data[name] = items
        if isinstance(answer, WorkChunkAnswer):
            data["summary"] = answer.summary
            data["measures"] = list(answer.measures)
        return cls(data, dropped)

    def shifted(self, delta: int) -> ChunkResult:
        """The same result with offsets moved by ``delta`` (a piece of a split chunk)."""
        data: dict[str, Any] = {k: v for k, v in self.data.items()}
        for name, _ in ITEM_LISTS:
            moved = []
            for d in self.data.get(name, []):
                d = dict(d)
                for key in ("at", "value_at"):
                    if isinstance(d.get(key), int) and d[key] >= 0:
                        d[key] += delta
                moved.append(d)
            data[name] = moved
        return ChunkResult(data, self.dropped)

    @staticmethod
    def merge(parts: list[ChunkResult]) -> ChunkResult:
        data: dict[str, Any] = {name: [] for name, _ in ITEM_LISTS}
        summaries, measures = [], []
        dropped = 0
        for p in parts:
            for name, _ in ITEM_LISTS:
                data[name].extend(p.data.get(name, []))
            if p.data.get("summary"):
                summaries.append(p.data["summary"])
            measures.extend(p.data.get("measures", []))
            dropped += p.dropped
        if any("summary" in p.data for p in parts):
            data["summary"] = summaries[0] if summaries else ""
            data["measures"] = measures
        return ChunkResult(data, dropped)


def realign_target(text: str, item: Any) -> list[dict[str, Any]]:
    """A target that did not ground, realigned onto the source where that is unambiguous.

    Small models quote the lead-in of a sentence and take the number from later in it
    (quote ``做优做强“1”号钢铁产业``, value ``860亿元``, which the sentence gives as
    ``实现钢铁产业营业收入达860亿元``), or write two numbers in one value (``200亿元、10%``).
    Each number of the value is looked for in the quote's sentence (in the whole chunk when
    the quote is not in it) and accepted only when exactly one clause there holds that amount
    and names the indicator verbatim; that clause becomes the quote. The number, the unit and
    the indicator are still the model's; only the span is moved to where the source writes
    them. Returns the realigned items, which validate like any other, or ``[]``.
    """
    if not isinstance(item, dict):
        return []
    indicator = str(_to_str(item.get("indicator"))).strip()
    wanted = [
        m
        for m in numbers.find_mentions(str(_to_str(item.get("value"))))
        if m.kind == "quantity" and m.value is not None
    ]
    if len(indicator) < 2 or not wanted:
        return []
    quote = str(_to_str(item.get("quote")))
    found = find_quote(text, 0, len(text), quote) if quote.strip() else None
    lo, hi = 0, len(text)
    if found is not None:
        lo = wording.sentence_bounds(text, found[0])[0]
        hi = wording.sentence_bounds(text, max(found[0], found[0] + len(found[1]) - 1))[1]
    source = [
        m
        for m in numbers.find_mentions(text, lo, hi)
        if m.kind == "quantity" and m.value is not None
    ]
    out: list[dict[str, Any]] = []
    for w in wanted:
        places = []
        for m in source:
            if _same(w.value, w.unit, m.value, m.unit) and _same(
                w.value_max, w.unit, m.value_max, m.unit
            ):
                cs, ce = wording.clause_bounds(text, m.start)
                if indicator in text[cs:ce]:
                    places.append((cs, ce, m))
        if len(places) == 1:
            cs, ce, m = places[0]
            fixed = {"quote": text[cs:ce], "indicator": indicator, "value": m.text}
            if fixed not in out:
                out.append(fixed)
    return out


def _valid(cls: type[_LLMModel], item: Any, ctx: dict[str, Any]) -> _LLMModel | None:
    try:
        return cls.model_validate(item, context=ctx)
    except ValueError:
        return None


def salvage(raw: str, model: type[ChunkAnswer], chunk_text: str) -> tuple[ChunkAnswer, int]:
    """Keep the items of a raw answer that ground, drop (and count) the others.

    Used once the re-ask budget is spent: one bad item does not cost the chunk its good ones.
    A target that does not ground is first realigned (:func:`realign_target`); a project whose
    amount does not ground is kept without it (the amount counts as dropped).
    Raises ``ValueError`` when ``raw`` is not a JSON object at all.
    """
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("the answer is not a JSON object")
    ctx = {"chunk": chunk_text}
    kept: dict[str, Any] = {}
    dropped = 0
    for name, cls in ITEM_LISTS:
        items = data.get(name)
        good = []
        for it in items if isinstance(items, list) else []:
            try:
                good.append(cls.model_validate(it, context=ctx))
                continue
            except ValueError:  # pydantic.ValidationError is a ValueError
                pass
            if name == "targets":
                second = realign_target(chunk_text, it)
            elif name == "projects" and isinstance(it, dict) and it.get("amount"):
                second = [{**it, "amount": "", "amount_kind": ""}]
            else:
                second = []
            fixed = [x for x in (_valid(cls, f, ctx) for f in second) if x is not None]
            good.extend(fixed)
            if not fixed or name == "projects":  # the item, or the project's amount, is lost
                dropped += 1
        kept[name] = good
    extra = {k: data[k] for k in ("summary", "measures") if k in data}
    try:
        base = model.model_validate(extra, context=ctx)
    except ValueError:
        base = model.model_validate({}, context=ctx)
    for name, _ in ITEM_LISTS:
        setattr(base, name, kept[name])
    return base, dropped


def extract_json_text(completion: Any) -> str:
    """The JSON text of a raw chat completion: tool-call arguments, else content (code fences
    removed)."""
    message = completion.choices[0].message
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        args = calls[0].function.arguments
        return args if isinstance(args, str) else json.dumps(args)
    content = message.content or ""
    m = re.search(r"```(?:json)?\s*(.*?)```", content, re.S)
    if m:
        return m.group(1)
    start, end = content.find("{"), content.rfind("}")
    return content[start : end + 1] if start >= 0 and end > start else content
