"""Prompt templates, read from files and checked on load.

The templates live in the top-level ``prompts/`` folder of the source tree, which the wheel
force-includes as ``summarizer/prompts``. Placeholders use :class:`string.Template` syntax
(``${text}``), so JSON braces in a prompt need no escaping. Their hash is part of the LLM cache
key, and ``prompt_version`` (a short form of that hash) goes into ``meta.prompt_version``.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from string import Template

from .errors import PromptError

# template name -> the placeholders it must use (and the only ones it may use)
TEMPLATES: dict[str, frozenset[str]] = {
    "system": frozenset(),
    "user": frozenset({"region", "year", "heading", "extra", "text"}),
    "work": frozenset(),
    "review_system": frozenset(),
    "review_user": frozenset({"heading", "text"}),
}
# the templates each strategy sends; a strategy's hash (cache keys, ``meta.prompt_version``)
# covers only its own, so editing one strategy's prompts never invalidates the other's cache
STRATEGY_TEMPLATES: dict[str, tuple[str, ...]] = {
    "extract": ("system", "user", "work"),
    "review": ("review_system", "review_user"),
}


@dataclass(frozen=True)
class PromptSet:
    """The loaded templates, their combined hash and a short version string."""

    templates: dict[str, str]
    source: str
    hash: str = field(init=False)
    version: str = field(init=False)

    def __post_init__(self) -> None:
        digest = self.hash_of(self.templates)
        object.__setattr__(self, "hash", digest)
        object.__setattr__(self, "version", digest[:12])

    def hash_of(self, names: Iterable[str]) -> str:
        """SHA-256 of the templates ``names`` (name and text, in name order)."""
        h = hashlib.sha256()
        for name in sorted(names):
            h.update(name.encode() + b"\x00" + self.templates[name].encode("utf-8") + b"\x00")
        return h.hexdigest()

    def strategy_hash(self, strategy: str) -> str:
        """The hash of the templates ``strategy`` sends (:data:`STRATEGY_TEMPLATES`)."""
        return self.hash_of(STRATEGY_TEMPLATES[strategy])

    def render(self, name: str, **values: object) -> str:
        """Fill template ``name``; every placeholder must be given."""
        try:
            template = self.templates[name]
        except KeyError:
            raise PromptError(f"no prompt template {name!r} in {self.source}") from None
        missing = TEMPLATES.get(name, frozenset()) - values.keys()
        if missing:
            raise PromptError(f"prompt {name!r}: no value for {', '.join(sorted(missing))}")
        return Template(template).substitute({k: str(v) for k, v in values.items()})

    def chars(self, name: str) -> int:
        return len(self.templates[name])


def _candidate_dirs() -> list[Traversable | Path]:
    dirs: list[Traversable | Path] = []
    with contextlib.suppress(ModuleNotFoundError, TypeError):  # namespace-package oddities
        dirs.append(resources.files("summarizer") / "prompts")
    dirs.append(Path(__file__).resolve().parent.parent / "prompts")
    return dirs


def _find_dir() -> Traversable | Path:
    for d in _candidate_dirs():
        if d.is_dir() and (d / "system.md").is_file():
            return d
    tried = ", ".join(str(d) for d in _candidate_dirs())
    raise PromptError(f"prompt templates not found (looked in {tried}); reinstall summarizer")


def _check(name: str, text: str, where: str) -> None:
    template = Template(text)
    if not template.is_valid():
        raise PromptError(f"{where}: malformed placeholder (use ${{name}}; write $$ for a dollar)")
    used = set(template.get_identifiers())
    allowed = TEMPLATES[name]
    unknown = used - allowed
    if unknown:
        raise PromptError(f"{where}: unknown placeholder(s) {', '.join(sorted(unknown))}")
    missing = allowed - used
    if missing:
        raise PromptError(f"{where}: missing placeholder(s) {', '.join(sorted(missing))}")


def load_prompts(directory: str | Path | None = None) -> PromptSet:
    """Read and check every template (``system.md``, ``user.md``, ``work.md``,
    ``review_system.md``, ``review_user.md``)."""
    base: Traversable | Path = Path(directory) if directory is not None else _find_dir()
    templates: dict[str, str] = {}
    for name in TEMPLATES:
        path = base / f"{name}.md"
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, FileNotFoundError) as exc:
            raise PromptError(f"{where}: cannot read prompt template ({exc})") from exc
        except UnicodeDecodeError as exc:
            raise PromptError(f"{where}: prompt template is not UTF-8") from exc
        text = text.strip("\n")
        if not text.strip():
            raise PromptError(f"{where}: prompt template is empty")
        _check(name, text, where)
        templates[name] = text
    return PromptSet(templates, str(base))


@cache
def default_prompts() -> PromptSet:
    return load_prompts()


def prompt_version() -> str:
    """Short hash of the shipped templates (``meta.prompt_version``)."""
    return default_prompts().version


__all__ = [
    "STRATEGY_TEMPLATES",
    "TEMPLATES",
    "PromptSet",
    "default_prompts",
    "load_prompts",
    "prompt_version",
]
