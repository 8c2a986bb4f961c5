"""The clauses of a report's work and plan text where a project may be named, found once per
report: the hand rules (:func:`.projects.find_projects`) and the learned model's candidates
(:func:`.project_model.candidates`) read the same ones, each in its own way."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..models import Section
from ..wording import PROJECT_CLAUSE_DELIMITERS, Clause, ClauseIndex


class HintClauses(NamedTuple):
    """The own text of one section (clipped before the back matter) and its clauses that hold
    a hint, each once, in the order their first hint is written."""

    section: Section
    own_end: int
    clauses: list[Clause]


def hint_clauses(
    text: str, own_spans: list[tuple[Section, int]], stop: int, hint: re.Pattern[str]
) -> list[HintClauses]:
    """For each own span (``own_spans``, clipped at ``stop``, where the back matter starts;
    an empty one is left out) the project clauses around the matches of ``hint``."""
    index = ClauseIndex(text, PROJECT_CLAUSE_DELIMITERS)
    out = []
    for section, own_end in own_spans:
        own_end = min(own_end, stop)
        if own_end <= section.start:
            continue
        seen: dict[Clause, None] = {}  # ordered: the clauses in the order first hinted
        last = Clause(0, 0)  # the clause of the hint before (a clause often holds several)
        for m in hint.finditer(text, section.start, own_end):
            if last.start <= m.start() < last.end:
                continue
            clause = index.around(m.start(), section.start, own_end)
            if clause is not None:
                seen.setdefault(clause)
                last = clause
        out.append(HintClauses(section, own_end, list(seen)))
    return out
