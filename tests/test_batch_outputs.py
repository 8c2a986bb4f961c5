"""Batches that never lose a report: output mapping and collisions, file modes, the run index,
single-file CSV/JSONL written as reports finish and resumed after an interruption, per-file
metadata, the stderr summary. Real reports (evals fixtures) through ``summarizer.cli.main``."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer import batch, files
from summarizer.chunking import Document
from summarizer.cli import main
from summarizer.engines.base import Engine, Extraction
from summarizer.engines.rules import RulesEngine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "evals" / "fixtures").glob("*.txt"))
CORPUS = sorted((ROOT / "evals" / "corpus" / "fixtures").glob("*.txt"))
NO_TARGET = "某县政府工作报告\n\n各位代表：\n\n过去一年，我们团结奋斗，各项工作稳步推进。今年，我们将继续努力。\n"
INDEX_HEADER = (
    "path,region,year,status,error,targets,outcomes,priorities,projects,violations,engine,"
    "model,seconds,sha256,prompt_version"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["summarize", *argv, "--engine", "rules"])
    out, err = capsys.readouterr()
    return code, out, err


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Seeds and real reports, an empty, a binary and a target-free one, in nested folders."""
    root = tmp_path / "reports"
    for k, src in enumerate([*SEEDS, *CORPUS[:9]]):
        dest = root / ("a" if k % 2 else "b") / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dest)
    (root / "a" / "empty.txt").write_bytes(b"")
    (root / "b" / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04binary\x00" * 20)
    (root / "b" / "nothing.txt").write_text(NO_TARGET, encoding="utf-8")
    return root


class Dying(Engine):
    """The rules engine, until ``after`` reports have been extracted: then ``die()``."""

    def __init__(self, after: int, die: Callable[[], None]) -> None:
        self.inner = RulesEngine()
        self.name = self.inner.name
        self.after, self.die, self.count = after, die, 0

    async def extract(self, doc: Document) -> Extraction:
        if self.count == self.after:
            self.die()
        self.count += 1
        return await self.inner.extract(doc)


def interrupt() -> None:
    raise KeyboardInterrupt


def blocks(panel: Path) -> list[str]:
    """The report of each run of rows of a CSV panel, in file order."""
    out: list[str] = []
    for row in read_rows(panel):
        if not out or out[-1] != row["file"]:
            out.append(row["file"])
    return out


# ---------------------------------------------------------------- mapping and collisions


def test_glob_mirrors_paths_and_a_collision_is_exit_2_with_nothing_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for year, seed in (("2022", SEEDS[0]), ("2023", SEEDS[1])):
        Path("reports", year).mkdir(parents=True)
        shutil.copy(seed, Path("reports", year, "report.txt"))
    code, _, err = run(capsys, "reports/**/*.txt", "-o", "out/", "-q")
    assert code == 0, err
    assert sorted(str(p) for p in Path("out").rglob("*.json")) == [
        "out/2022/report.json",
        "out/2023/report.json",
    ]
    assert json.loads(Path("out/2023/report.json").read_text())["source"]["path"] == (
        "reports/2023/report.txt"
    )
    for fmt in ("json", "csv", "md"):
        code, out, err = run(
            capsys, "reports/2022/report.txt", "reports/2023/report.txt", "--format", fmt,
            "-o", "clash/",
        )  # fmt: skip
        assert code == 2 and out == ""
        assert "reports/2022/report.txt and reports/2023/report.txt" in err
        assert f"clash/report.{fmt}" in err and "nothing was written" in err
        assert not Path("clash").exists()
    # a report called _index would overwrite the run index
    shutil.copy(SEEDS[2], Path("reports", "_index.txt"))
    code, _, err = run(capsys, "reports", "--format", "csv", "-o", "idx/")
    assert code == 2 and "_index.csv" in err and not Path("idx").exists()


def test_o_without_a_suffix_is_a_folder_for_a_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, src / seed.name)
    out = tmp_path / "out"
    code, _, err = run(capsys, str(src), "-o", str(out), "-q")
    assert code == 0, err
    assert out.is_dir()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(s.with_suffix(".json").name for s in SEEDS[:2]), "_index.csv"]
    )
    panel = tmp_path / "sub" / "panel.jsonl"
    code, _, _ = run(capsys, str(src), "--format", "jsonl", "-o", str(panel), "-q")
    assert code == 0 and panel.is_file() and (panel.parent / "_index.csv").is_file()
    single = tmp_path / "one"
    code, _, _ = run(capsys, str(SEEDS[0]), "-o", str(single), "-q")
    assert code == 0 and single.is_file() and json.loads(single.read_text())["targets"]
    # an existing suffix-less file cannot be a batch's output: say what to do
    code, _, err = run(capsys, str(src), "-o", str(single))
    assert code == 2 and "for a batch give a folder" in err


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_output_files_honour_the_umask(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mask: int,
    mode: int,
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, src / seed.name)
    old = os.umask(mask)
    monkeypatch.setattr(files, "_UMASK", None)  # read again, once, under this umask
    try:
        written = []
        for fmt, dest in (("json", "out/"), ("csv", "p/panel.csv"), ("jsonl", "l/all.jsonl")):
            code, _, err = run(capsys, str(src), "--format", fmt, "-o", str(tmp_path / dest))
            assert code == 0, err
        code, _, _ = run(capsys, str(SEEDS[0]), "--format", "html", "-o", str(tmp_path / "v.html"))
        assert code == 0
        written = [p for p in tmp_path.rglob("*") if p.is_file() and "in" not in p.parts]
        assert len(written) == 2 + 1 + 2 + 2 + 1
        assert {p.name: oct(p.stat().st_mode & 0o777) for p in written} == {
            p.name: oct(mode) for p in written
        }
    finally:
        os.umask(old)
    assert files.file_mode() == 0o666 & ~mask


# ---------------------------------------------------------------- the run index


def test_index_has_one_row_per_input_in_input_order(
    capsys: pytest.CaptureFixture[str], reports: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, _, _ = run(capsys, str(reports), "-o", str(out), "-q")
    assert code == 2
    index = out / "_index.csv"
    assert index.read_text(encoding="utf-8").splitlines()[0] == INDEX_HEADER
    rows = read_rows(index)
    inputs = sorted(p for p in reports.rglob("*.txt"))
    assert [r["path"] for r in rows] == [str(p) for p in inputs]
    by_name = {Path(r["path"]).name: r for r in rows}
    assert by_name["empty.txt"]["status"] == "failed" and "empty" in by_name["empty.txt"]["error"]
    assert (
        by_name["binary.txt"]["status"] == "failed" and "binary" in by_name["binary.txt"]["error"]
    )
    assert by_name["empty.txt"]["targets"] == "" and by_name["empty.txt"]["engine"] == "rules"
    nothing = by_name["nothing.txt"]
    assert nothing["status"] == "ok" and nothing["targets"] == "0" and nothing["sha256"]
    for r in rows:
        assert r["year"] == "" or (r["year"].isdigit() and 1900 < int(r["year"]) < 2100), r
        if r["status"] == "ok":
            data = json.loads(
                (out / Path(r["path"]).relative_to(reports)).with_suffix(".json").read_text()
            )
            assert int(r["targets"]) == len(data["targets"])
            assert int(r["priorities"]) == len(data["priorities"])
            assert int(r["projects"]) == len(data["projects"])
            assert int(r["violations"]) == len(data["checks"]["violations"])
            assert r["year"] == ("" if data["meta"]["year"] is None else str(data["meta"]["year"]))
            assert r["outcomes"] == str(len(data.get("outcomes") or []))
            assert r["sha256"] == data["source"]["sha256"] and float(r["seconds"]) >= 0
    # a rerun: the finished reports are skipped, the failed ones fail again, same order
    code, _, _ = run(capsys, str(reports), "-o", str(out))
    assert code == 2
    rerun = read_rows(index)
    assert [r["path"] for r in rerun] == [r["path"] for r in rows]
    assert {r["status"] for r in rerun} == {"skipped", "failed"}
    assert [r["targets"] for r in rerun] == [r["targets"] for r in rows]
    import pandas as pd  # a dev dependency: the index must load in pandas

    frame = pd.read_csv(index, dtype={"year": "Int64"})
    assert len(frame) == len(inputs) and str(frame["year"].dtype) == "Int64"


def test_stderr_summary_has_totals_and_every_failed_file_with_its_whole_path(
    capsys: pytest.CaptureFixture[str],
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    deep = reports / ("a-very-long-folder-name-" * 4) / "and-deeper"
    deep.mkdir(parents=True)
    (deep / "also-empty.txt").write_bytes(b"   ")
    code, _, err = run(capsys, str(reports), "--format", "csv", "-o", str(tmp_path / "p.csv"))
    assert code == 2
    lines = err.splitlines()
    total = len(list(reports.rglob("*.txt")))
    assert lines[0].startswith(f"summarizer: {total} reports: {total - 3} ok, 0 skipped, 3 failed")
    assert "; 1 with nothing found" in lines[0]
    failed = [line for line in lines if "failed: " in line and "reports:" not in line]
    warned = [line for line in lines if line.startswith("summarizer: warning: ")]
    assert len(failed) == 3 and len(warned) == 1 and len(lines) == 5
    assert f"failed: {deep / 'also-empty.txt'}: the file is empty" in err
    assert f"failed: {reports / 'b' / 'binary.txt'}: looks like a binary file" in err
    assert f"warning: {reports / 'b' / 'nothing.txt'}: nothing found" in warned[0]
    code, _, err = run(capsys, str(reports), "--format", "csv", "-o", str(tmp_path / "q.csv"), "-q")
    assert code == 2 and len(err.splitlines()) == 4 and "reports:" not in err


# ---------------------------------------------------------------- resumable single files


def _reference(capsys: pytest.CaptureFixture[str], reports: Path, dest: Path, *extra: str) -> bytes:
    code, _, _ = run(capsys, str(reports), "-o", str(dest), "-q", *extra)
    assert code == 2
    return dest.read_bytes()


def test_csv_interrupted_half_way_then_resumed_equals_an_uninterrupted_run(
    capsys: pytest.CaptureFixture[str],
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = _reference(
        capsys, reports, tmp_path / "ref" / "panel.csv", "--format", "csv", "--csv-bom"
    )
    panel = tmp_path / "run" / "panel.csv"
    index = panel.parent / "_index.csv"
    engines: list[Dying] = []

    def dying(options: batch.BatchOptions) -> tuple[Engine, int]:
        engines.append(Dying(6, interrupt))
        return engines[-1], 1

    monkeypatch.setattr(batch, "build_engine", dying)
    code = main(["summarize", str(reports), "--format", "csv", "--csv-bom", "-o", str(panel), "-q"])
    capsys.readouterr()
    assert code == 130
    # what finished is there, in input order, once; nothing after the interruption
    done = [r["path"] for r in read_rows(index) if r["status"] == "ok"]
    assert len(done) == 6
    kept = blocks(panel)
    assert kept == [p for p in done if p in kept] and len(set(kept)) == len(kept)
    assert expected.startswith(panel.read_bytes())
    # a kill mid-write leaves half a row: it is dropped
    with open(panel, "ab") as fh:
        fh.write(expected[len(panel.read_bytes()) :][:50])
    monkeypatch.undo()
    code, _, err = run(capsys, str(reports), "--format", "csv", "--csv-bom", "-o", str(panel))
    assert code == 2
    assert panel.read_bytes() == expected
    assert "6 skipped" in err
    rows = read_rows(index)
    assert [r["status"] for r in rows].count("skipped") == 6
    assert [r["path"] for r in rows] == [str(p) for p in sorted(reports.rglob("*.txt"))]
    # a third run changes nothing
    run(capsys, str(reports), "--format", "csv", "--csv-bom", "-o", str(panel))
    assert panel.read_bytes() == expected


def test_csv_killed_hard_in_a_subprocess_resumes(reports: Path, tmp_path: Path) -> None:
    """``os._exit`` after N reports: no cleanup, no flush beyond what the run flushed."""
    expected_dir = tmp_path / "ref"
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from summarizer import batch
        from summarizer.cli import main
        from test_batch_outputs import Dying
        if sys.argv[1] == "die":
            batch.build_engine = lambda options: (Dying(int(sys.argv[2]), lambda: os._exit(137)), 1)
        sys.exit(main(sys.argv[3:]))
        """
    )

    def cli(mode: str, dest: Path) -> int:
        argv = [
            "summarize",
            str(reports),
            "--engine",
            "rules",
            "--format",
            "csv",
            "-o",
            str(dest),
            "-q",
        ]
        proc = subprocess.run(
            [sys.executable, "-c", script, mode, "9", *argv], capture_output=True, cwd=tmp_path
        )
        return proc.returncode

    assert cli("ok", expected_dir / "panel.csv") == 2
    expected = (expected_dir / "panel.csv").read_bytes()
    panel = tmp_path / "run" / "panel.csv"
    assert cli("die", panel) == 137
    statuses = [r["status"] for r in read_rows(panel.parent / "_index.csv")]
    assert statuses.count("ok") == 9
    assert expected.startswith(panel.read_bytes())
    assert cli("ok", panel) == 2
    assert panel.read_bytes() == expected
    assert len(set(blocks(panel))) == len(blocks(panel))


def test_csv_rows_the_index_does_not_mark_finished_are_redone(
    capsys: pytest.CaptureFixture[str], reports: Path, tmp_path: Path
) -> None:
    expected = _reference(capsys, reports, tmp_path / "ref" / "panel.csv", "--format", "csv")
    panel = tmp_path / "run" / "panel.csv"
    shutil.copytree(tmp_path / "ref", panel.parent)
    index = panel.parent / "_index.csv"
    lines = index.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = [k for k, line in enumerate(lines) if ",ok," in line and ",0,0," not in line][2]
    index.write_text("".join(lines[:dropped] + lines[dropped + 1 :]), encoding="utf-8")
    code, _, err = run(capsys, str(reports), "--format", "csv", "-o", str(panel))
    assert code == 2 and panel.read_bytes() == expected
    statuses = {r["path"]: r["status"] for r in read_rows(index)}
    assert statuses[lines[dropped].split(",")[0]] == "ok"  # redone, not duplicated
    ok = sum(1 for r in read_rows(tmp_path / "ref" / "_index.csv") if r["status"] == "ok")
    assert list(statuses.values()).count("skipped") == ok - 1 and f"{ok - 1} skipped" in err
    assert len(set(blocks(panel))) == len(blocks(panel))


def test_a_fixed_report_is_put_back_in_input_order(
    capsys: pytest.CaptureFixture[str], reports: Path, tmp_path: Path
) -> None:
    """A failed report in the middle that now succeeds goes in its place; the finished reports
    after it are reused, not redone: the panel equals a fresh run's."""
    broken = reports / "a" / "empty.txt"
    panel = tmp_path / "run" / "panel.jsonl"
    code, _, _ = run(
        capsys, str(reports), "--format", "csv", "-o", str(panel.with_suffix(".csv")), "-q"
    )
    code, _, _ = run(capsys, str(reports), "--format", "jsonl", "-o", str(panel), "-q")
    assert code == 2
    broken.write_text(SEEDS[4].read_text(encoding="utf-8"), encoding="utf-8")
    for dest in (panel.with_suffix(".csv"), panel):
        fmt = dest.suffix[1:]
        code, _, err = run(capsys, str(reports), "--format", fmt, "-o", str(dest))
        assert "1 ok," in err and "1 failed" in err, err
        fresh = tmp_path / f"fresh-{fmt}" / dest.name
        run(capsys, str(reports), "--format", fmt, "-o", str(fresh), "-q")
        if fmt == "csv":
            assert dest.read_bytes() == fresh.read_bytes()
        else:

            def strip(path: Path) -> list[dict[str, object]]:
                out = []
                for line in path.read_text(encoding="utf-8").splitlines():
                    data = json.loads(line)
                    data["meta"]["seconds"] = 0
                    out.append(data)
                return out

            assert strip(dest) == strip(fresh)


def test_jsonl_interrupted_then_resumed(
    capsys: pytest.CaptureFixture[str],
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = tmp_path / "all.jsonl"
    monkeypatch.setattr(batch, "build_engine", lambda options: (Dying(4, interrupt), 1))
    assert main(["summarize", str(reports), "--format", "jsonl", "-o", str(panel), "-q"]) == 130
    first = panel.read_text(encoding="utf-8").splitlines()
    assert len(first) == 4
    with open(panel, "a", encoding="utf-8") as fh:
        fh.write('{"schema_version": "1", "source": {"pa')  # half a line
    monkeypatch.undo()
    code, _, err = run(capsys, str(reports), "--format", "jsonl", "-o", str(panel))
    assert code == 2 and "4 skipped" in err
    lines = panel.read_text(encoding="utf-8").splitlines()
    assert lines[:4] == first
    paths = [json.loads(line)["source"]["path"] for line in lines]
    good = [r["path"] for r in read_rows(tmp_path / "_index.csv") if r["status"] != "failed"]
    assert paths == good and len(set(paths)) == len(paths)


def test_stdout_json_array_is_streamed_in_input_order(
    capsys: pytest.CaptureFixture[str], reports: Path
) -> None:
    code, out, _ = run(capsys, str(reports), "-q", "--concurrency", "4")
    assert code == 2
    data = json.loads(out)
    assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    good = [
        str(p) for p in sorted(reports.rglob("*.txt")) if p.name not in ("empty.txt", "binary.txt")
    ]
    assert [d["source"]["path"] for d in data] == good


# ---------------------------------------------------------------- per-file metadata


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """``<region>/<year>.txt``: the layout of an archive of many places."""
    root = tmp_path / "archive"
    for region, year, seed in (
        ("甲县", 2021, SEEDS[0]),
        ("乙市", 2022, SEEDS[1]),
        ("丙区", 2023, SEEDS[3]),
    ):
        (root / region).mkdir(parents=True)
        shutil.copy(seed, root / region / f"{year}.txt")
    (root / "misc").mkdir()
    shutil.copy(SEEDS[4], root / "misc" / "ruijin.txt")
    return root


def test_region_and_year_from_a_path_template(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    text_meta = {
        d["source"]["path"]: d["meta"] for d in json.loads(run(capsys, str(archive), "-q")[1])
    }
    code, out, err = run(capsys, str(archive), "--region-year-from-path", "{region}/{year}")
    assert code == 0, err
    got = {
        Path(d["source"]["path"]).relative_to(archive).as_posix(): d["meta"]
        for d in json.loads(out)
    }
    assert (got["甲县/2021.txt"]["region"], got["甲县/2021.txt"]["year"]) == ("甲县", 2021)
    assert (got["乙市/2022.txt"]["region"], got["乙市/2022.txt"]["year"]) == ("乙市", 2022)
    assert (got["丙区/2023.txt"]["region"], got["丙区/2023.txt"]["year"]) == ("丙区", 2023)
    # the file that does not match keeps what the text says, with one warning
    ruijin = text_meta[str(archive / "misc" / "ruijin.txt")]
    assert (got["misc/ruijin.txt"]["region"], got["misc/ruijin.txt"]["year"]) == (
        ruijin["region"], ruijin["year"],
    )  # fmt: skip
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "1 of 4 files" in warnings[0] and "ruijin" in warnings[0]
    # and in the CSV panel and the index
    code, _, _ = run(capsys, str(archive), "--format", "csv", "-o", str(tmp_path / "p.csv"),
                     "--region-year-from-path", "{region}/{year}", "-q")  # fmt: skip
    index = {Path(r["path"]).name: r for r in read_rows(tmp_path / "_index.csv")}
    assert (index["2022.txt"]["region"], index["2022.txt"]["year"]) == ("乙市", "2022")
    panel = read_rows(tmp_path / "p.csv")
    assert {(r["region"], r["year"]) for r in panel if r["file"].endswith("2023.txt")} == {
        ("丙区", "2023")
    }


def test_region_and_year_from_a_meta_file(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text(
        "path,region,year\n"
        f"{archive / 'misc' / 'ruijin.txt'},瑞金市,2031\n"  # the path as found
        "乙市/2022.txt,乙市（改）,\n",  # relative to the folder given; year left to the template
        encoding="utf-8-sig",
    )
    code, out, err = run(capsys, str(archive), "--meta", str(meta),
                         "--region-year-from-path", "{region}/{year}", "-q")  # fmt: skip
    assert code == 0, err
    got = {
        Path(d["source"]["path"]).relative_to(archive).as_posix(): d["meta"]
        for d in json.loads(out)
    }
    assert (got["misc/ruijin.txt"]["region"], got["misc/ruijin.txt"]["year"]) == ("瑞金市", 2031)
    assert (got["乙市/2022.txt"]["region"], got["乙市/2022.txt"]["year"]) == ("乙市（改）", 2022)
    assert got["甲县/2021.txt"]["region"] == "甲县"
    # a changed --meta value redoes that report on a resumed run
    dest = tmp_path / "out"
    run(capsys, str(archive), "--meta", str(meta), "-o", str(dest), "-q")
    meta.write_text(meta.read_text(encoding="utf-8-sig").replace("2031", "2032"), encoding="utf-8")
    code, _, err = run(capsys, str(archive), "--meta", str(meta), "-o", str(dest))
    assert "1 ok, 3 skipped" in err
    assert json.loads((dest / "misc" / "ruijin.json").read_text())["meta"]["year"] == 2032


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--region-year-from-path", "{place}/{year}"], "unknown field {place}"),
        (["--region-year-from-path", "reports/*"], "neither {region} nor {year}"),
        (["--region-year-from-path", "{region/{year}"], "unbalanced"),
        (["--meta", "nope.csv"], "no such file"),
        (["--meta", "META:path,place\nx,y\n"], "needs a header"),
        (
            ["--meta", "META:path,year\na.txt,二〇二四\n"],
            "line 2: year '二〇二四' is not a whole number",
        ),
        (["--meta", "META:path,year\na.txt,2024\na.txt,2025\n"], "line 3: a.txt is listed twice"),
    ],
)
def test_bad_template_or_meta_file_is_exit_2_before_any_work(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path, args: list[str], needle: str
) -> None:
    if args[1].startswith("META:"):
        meta = tmp_path / "m.csv"
        meta.write_text(args[1][5:], encoding="utf-8")
        args = [args[0], str(meta)]
    out = tmp_path / "out"
    code, stdout, err = run(capsys, str(archive), *args, "-o", str(out))
    assert code == 2 and stdout == "" and needle in err, err
    assert not out.exists() and "Traceback" not in err


def test_batch_is_a_library_module() -> None:
    code = "import sys, summarizer.batch; print('summarizer.cli' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"
