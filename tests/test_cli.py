"""The command line as a user meets it: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.models import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
RUIJIN = FIXTURES / "004_ruijin.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summarize_one_file_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", str(RUIJIN), "--engine", "rules", "-q")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["meta"]["engine"] == "rules"
    assert data["source"]["chars"] == len(RUIJIN.read_text(encoding="utf-8"))
    text = RUIJIN.read_text(encoding="utf-8")
    for t in data["targets"]:
        assert text[t["start"] : t["end"]] == t["quote"]


def test_default_engine_is_rules_without_configuration(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for var in ("SUMMARIZER_BASE_URL", "SUMMARIZER_MODEL", "SUMMARIZER_MODEL_PATH",
                "OPENAI_BASE_URL", "OPENAI_API_KEY"):  # fmt: skip
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-not-used")  # a fallback never chooses the engine
    code, out, err = run(capsys, "summarize", str(RUIJIN), "-q")
    assert code == 0, err
    assert json.loads(out)["meta"]["engine"] == "rules"


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"", "empty"), (b"\x00\x01\x02binary\x00", "binary")],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, needle: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "summarize", str(bad), "--engine", "rules", "-q")
    assert code == 2
    assert out == ""
    assert needle in err and str(bad) in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "summarize", str(tmp_path / "none.txt"), "--engine", "rules", "-q")
    assert code == 2 and "no such file" in err


def test_empty_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "summarize", str(tmp_path), "--engine", "rules", "-q")
    assert code == 2 and "no .txt" in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "summarize", str(RUIJIN), "--engine", "bogus")
    assert code == 2 and "bogus" in err


def test_chunk_command_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "chunk", str(RUIJIN))
    assert code == 0 and "壮大产业集群" in out
    code, out, _ = run(capsys, "chunk", str(RUIJIN), "--format", "json", "--max-chars", "800")
    data = json.loads(out)
    assert [s["path"] for s in data["sections"]][:4] == ["1", "2", "3", "4"]
    assert all(c["chars"] <= 800 for c in data["chunks"])


def test_check_round_trip_and_bad_summaries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "summarize", str(RUIJIN), "--engine", "rules", "-q")
    summary = tmp_path / "s.json"
    summary.write_text(out, encoding="utf-8")
    code, out, err = run(capsys, "check", str(summary), "--source", str(RUIJIN), "--format", "json")
    assert code == 0, out + err
    assert json.loads(out)["violations"] == []

    broken = tmp_path / "broken.json"
    broken.write_text('{"targets": [', encoding="utf-8")
    code, _, err = run(capsys, "check", str(broken), "--source", str(RUIJIN))
    assert code == 2 and "malformed JSON" in err and str(broken) in err

    other = tmp_path / "other.txt"
    other.write_text("另一份报告。地区生产总值增长6%左右。", encoding="utf-8")
    code, _, err = run(capsys, "check", str(summary), "--source", str(other))
    assert code == 2 and "different source" in err


def test_check_flags_a_changed_number(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    minimal = {
        "targets": [{"indicator": "GDP", "value": 8.5, "unit": "%", "quote": "GDP 增长8.2%以上"}]
    }
    path = tmp_path / "m.json"
    path.write_text(json.dumps(minimal, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--source", str(RUIJIN), "--format", "json")
    assert code == 1
    kinds = {v["kind"] for v in json.loads(out)["violations"]}
    assert "number_not_in_quote" in kinds


def test_summarize_help_states_the_output_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summarize", "--help")
    text = " ".join(out.split())
    assert code == 0
    assert "-o out (no suffix) is the folder out/" in text and "_index.csv" in text
    assert "--region-year-from-path" in text and "--meta" in text


def test_help_names_the_formats_read(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summarize", "--help")
    text = " ".join(out.split())
    assert code == 0 and ".txt or .html" not in text
    assert ".docx and .pdf" in text and ".xlsx/.xlsm/.csv" in text and "FILE#ID" in text
    for flag in ("--text-column", "--region-column", "--year-column", "--id-column"):
        assert flag in text
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "FILE.xlsx#ID" in " ".join(out.split())
    code, out, _ = run(capsys, "chunk", "--help")
    assert code == 0 and ".docx or .pdf" in " ".join(out.split())
