"""Settings precedence, the auto engine rule, prompt templates, the cache key, the fake engine."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest

from summarizer.cache import ResultCache, cache_key
from summarizer.engines.base import Extraction
from summarizer.engines.testing import FakeEngine
from summarizer.errors import ConfigError, PromptError
from summarizer.prompts import TEMPLATES, default_prompts, load_prompts
from summarizer.settings import config_path, load_settings, resolve_engine


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    s = load_settings()
    assert (s.base_url, s.model, s.api_key, s.mode, s.model_path) == (None,) * 5
    assert s.concurrency == 4 and s.max_retries == 6 and s.temperature == 0
    assert resolve_engine("auto", s) == "rules"


def test_precedence_flags_env_config_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    write_config('model = "from-config"\nconcurrency = 2\ntimeout = 30\nmode = "json"\n')
    monkeypatch.setenv("SUMMARIZER_MODEL", "from-env")
    monkeypatch.setenv("SUMMARIZER_CONCURRENCY", "3")
    s = load_settings(concurrency=5, base_url=None)  # None: a flag that was not given
    assert s.concurrency == 5  # flag
    assert s.model == "from-env"  # env over config
    assert s.timeout == 30 and s.mode == "json"  # config over defaults
    assert s.max_retries == 6  # default


@pytest.mark.parametrize(
    ("config", "env", "flags", "expected"),
    [
        ("", {}, {}, "rules"),
        ("", {}, {"model": "gpt"}, "llm"),
        ("", {"SUMMARIZER_BASE_URL": "http://127.0.0.1:8080/v1"}, {}, "llm"),
        ('model = "qwen"\n', {}, {}, "llm"),
        ('model_path = "/m.gguf"\n', {}, {}, "local"),
        ("", {"SUMMARIZER_MODEL_PATH": "/m.gguf", "SUMMARIZER_MODEL": "x"}, {}, "llm"),
        (
            "",
            {"OPENAI_API_KEY": "sk-x", "OPENAI_BASE_URL": "https://api.openai.com/v1"},
            {},
            "rules",
        ),
    ],
)
def test_auto_engine(
    monkeypatch: pytest.MonkeyPatch, config: str, env: dict[str, str], flags: dict[str, str],
    expected: str,
) -> None:  # fmt: skip
    if config:
        write_config(config)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert resolve_engine("auto", load_settings(**flags)) == expected
    assert resolve_engine("rules", load_settings(**flags)) == "rules"


def test_openai_variables_are_fallbacks_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    monkeypatch.setenv("OPENAI_BASE_URL", "https://example.invalid/v1/")
    s = load_settings(model="m")
    assert s.effective_api_key() == "sk-openai"
    assert s.effective_base_url() == "https://example.invalid/v1"
    s = load_settings(model="m", api_key="sk-mine", base_url="http://127.0.0.1:9/v1")
    assert s.effective_api_key() == "sk-mine" and s.effective_base_url() == "http://127.0.0.1:9/v1"
    assert "sk-mine" not in repr(s) and "sk-mine" not in str(s.model_dump())


def test_bad_config_file_names_the_file() -> None:
    path = write_config('model = "unterminated\n')
    with pytest.raises(ConfigError, match=str(path).replace("\\", "\\\\")):
        load_settings()
    path.write_text('modle = "typo"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="modle"):
        load_settings()
    path.write_text("concurrency = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="concurrency"):
        load_settings()


def test_bad_env_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_CONCURRENCY", "many")
    with pytest.raises(ConfigError, match="SUMMARIZER_CONCURRENCY"):
        load_settings()
    monkeypatch.delenv("SUMMARIZER_CONCURRENCY")
    with pytest.raises(ConfigError, match="--mode"):
        load_settings(mode="xml")


# ---------------------------------------------------------------- prompts


def test_shipped_prompts_load_and_render() -> None:
    p = default_prompts()
    assert set(p.templates) == set(TEMPLATES)
    assert len(p.version) == 12 and p.version == p.hash[:12]
    user = p.render("user", region="新余市", year=2024, heading="二、", extra="", text="正文X")
    assert user.endswith("正文：\n正文X") and "新余市" in user
    # short prompts: the fixed instructions stay well under a chunk's size
    # every request carries them (llama.cpp reuses the cached prefix; remote APIs bill it)
    assert p.chars("system") < 1100 and p.chars("user") < 120


def test_prompt_placeholders_are_checked(tmp_path: Path) -> None:
    for name in TEMPLATES:
        (tmp_path / f"{name}.md").write_text("固定文字", encoding="utf-8")
    (tmp_path / "user.md").write_text("${region}${year}${heading}${extra}${text}", encoding="utf-8")
    (tmp_path / "review_user.md").write_text("${heading}${text}", encoding="utf-8")
    assert load_prompts(tmp_path).templates["system"] == "固定文字"
    (tmp_path / "user.md").write_text("${region}${year}${heading}${extra}", encoding="utf-8")
    with pytest.raises(PromptError, match=r"missing placeholder.*text"):
        load_prompts(tmp_path)
    (tmp_path / "user.md").write_text(
        "${region}${year}${heading}${extra}${text}${oops}", encoding="utf-8"
    )
    with pytest.raises(PromptError, match=r"unknown placeholder.*oops"):
        load_prompts(tmp_path)
    (tmp_path / "user.md").write_text("${region", encoding="utf-8")
    with pytest.raises(PromptError, match="malformed"):
        load_prompts(tmp_path)
    (tmp_path / "user.md").write_text("${region}${year}${heading}${extra}${text}", encoding="utf-8")
    (tmp_path / "work.md").unlink()
    with pytest.raises(PromptError, match=r"work\.md"):
        load_prompts(tmp_path)


def test_prompt_hash_changes_with_the_text(tmp_path: Path) -> None:
    for name, text in default_prompts().templates.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    same = load_prompts(tmp_path)
    assert same.hash == default_prompts().hash
    (tmp_path / "system.md").write_text(
        default_prompts().templates["system"] + "。", encoding="utf-8"
    )
    assert load_prompts(tmp_path).hash != same.hash
    # each strategy's hash covers its own templates only: editing extract's leaves review's
    edited = load_prompts(tmp_path)
    assert edited.strategy_hash("extract") != same.strategy_hash("extract")
    assert edited.strategy_hash("review") == same.strategy_hash("review")


# ---------------------------------------------------------------- cache


def test_cache_key_covers_the_request_but_never_the_key() -> None:
    base: dict[str, Any] = dict(model="m", base_url="http://h/v1", mode="tools", prompt_hash="p",
                schema_hash="s", chunk_text="t", context={"year": 2024},
                sampling={"temperature": 0})  # fmt: skip
    key = cache_key(**base)
    assert len(key) == 64
    for field, other in [("model", "m2"), ("base_url", "http://h2/v1"), ("mode", "json_schema"),
                         ("prompt_hash", "p2"), ("schema_hash", "s2"), ("chunk_text", "t2"),
                         ("context", {"year": 2025}), ("sampling", {"temperature": 1})]:  # fmt: skip
        assert cache_key(**{**base, field: other}) != key
    assert cache_key(**{**base, "base_url": "http://h/v1/"}) == key
    with pytest.raises(TypeError):
        cache_key(**base, api_key="sk")


def test_result_cache_roundtrip_and_disabled(tmp_path: Path) -> None:
    c = ResultCache(tmp_path)
    c.set("k", {"answer": {"targets": []}, "dropped": 0})
    assert c.get("k") == {"answer": {"targets": []}, "dropped": 0}
    c.close()
    assert ResultCache(tmp_path).get("k") is not None  # persisted
    off = ResultCache(tmp_path / "off", enabled=False)
    off.set("k", {"x": 1})
    assert off.get("k") is None and not (tmp_path / "off").exists()


# ---------------------------------------------------------------- fake engine


def test_fake_engine_returns_scripted_results() -> None:
    from summarizer.chunking import chunk_report
    from summarizer.ingest import load_report

    doc = chunk_report(
        load_report("全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。".encode())
    )
    fixed = FakeEngine(Extraction(dropped=2), model="fake-model")
    a = asyncio.run(fixed.extract(doc))
    a.dropped = 5
    assert asyncio.run(fixed.extract(doc)).dropped == 2  # a fresh copy each call
    assert fixed.name == "fake" and fixed.model == "fake-model" and len(fixed.calls) == 2

    async def scripted(d: object) -> Extraction:
        return Extraction(chunks=7)

    assert asyncio.run(FakeEngine(scripted).extract(doc)).chunks == 7
    assert asyncio.run(FakeEngine(lambda d: Extraction(chunks=3)).extract(doc)).chunks == 3
    assert os.environ.get("SUMMARIZER_CONFIG")  # the conftest isolates settings
