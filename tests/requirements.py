"""What a test needs from the machine (a browser, llama.cpp, a model file): under CI (``CI`` set
and not false) a missing requirement fails the test with the reason; locally it skips with it."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> NoReturn:
    """Fail under CI, skip elsewhere; never returns."""
    if in_ci():
        pytest.fail(f"required under CI: {reason}", pytrace=False)
    pytest.skip(reason)
