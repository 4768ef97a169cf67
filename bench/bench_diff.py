"""Diff speed: two ~30-page licence PDFs compared end to end (ingest, segment, extract, judge,
align, redline).

    python bench/bench_diff.py [--runs 5] [--pages 30]

The PDFs are rendered at run time with fpdf2 (header and footer on every page) from the real
corpus: the old one is Llama 3's licence followed by other licences until it reaches the page
count, the new one is Llama 3.1's licence followed by the same others. Prints the median of
several runs of :func:`openness.diff.diff` in one process (the pipeline loaded once, as in a
service or a test run), of the diff stage alone on the two analyses, and of the
``openness diff`` command as a fresh process (which also pays for importing spaCy).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "real"
sys.path.insert(0, str(ROOT / "tests"))

from ingest import pdfs  # noqa: E402  (the test suite's fpdf2 renderer)
from timing import median_seconds  # noqa: E402  (bench/timing.py)

from openness.analysis import DEFAULT_POLICIES, analyze  # noqa: E402
from openness.diff import compare, diff  # noqa: E402
from openness.ingest import load  # noqa: E402

OLD = "llama-3/LICENSE.txt"
NEW = "llama-3.1/LICENSE.txt"
#: Appended to both versions, in this order, until the page count is reached.
COMPANIONS = ("gemma/Gemma-Terms-of-Use-20240401.txt", "bigscience-openrail-m/bigscience-open-rail-m.LICENSE",
              "falcon-3/TII-Falcon-License-December-2024.txt", "qwen/LICENSE_2023-09-25.txt",
              "creativeml-openrail-m/LICENSE.txt", "stability-sdxl/LICENSE-SDXL1.0_openrail++m.txt")


def lines(name: str) -> list[str]:
    text = (CORPUS / name).read_text("utf-8-sig", errors="replace").expandtabs(4)
    return [line if line.strip() else " " for line in text.splitlines()]


def render_pair(folder: Path, pages: int) -> tuple[Path, Path, int, int]:
    old, new = folder / "old.pdf", folder / "new.pdf"
    companions: list[str] = []
    for name in COMPANIONS + COMPANIONS:
        pdfs.render(old, lines(OLD) + companions, header="Licence")
        if load(old).page_count >= pages:
            break
        companions += lines(name)
    pdfs.render(new, lines(NEW) + companions, header="Licence")
    return old, new, load(old).page_count, load(new).page_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"the real corpus is absent: {CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        old, new, old_pages, new_pages = render_pair(Path(tmp), args.pages)
        print(f"PDFs: {old_pages} and {new_pages} pages; policies {', '.join(DEFAULT_POLICIES)}")
        diff(old, new)  # warm-up: spaCy pipeline and rule packs loaded once
        result = diff(old, new)
        print(f"  {len(result.changes)} finding changes, {len(result.text_changes)} wording "
              f"changes, {len(result.verdict_changes)} verdict changes")
        seconds = median_seconds(lambda: diff(old, new), args.runs)
        print(f"in-process diff (end to end): median {seconds:.2f} s over {args.runs} runs")
        before, after = analyze([str(old)]), analyze([str(new)])
        seconds = median_seconds(lambda: compare(before, after, old_path=str(old),
                                                 new_path=str(new)), args.runs)
        print(f"diff stage alone (align, renames, redline, findings, verdicts): "
              f"median {seconds * 1000:.0f} ms")
        command = [str(Path(sys.executable).with_name("openness")), "diff", str(old), str(new),
                   "--format", "json", "--output", str(Path(tmp) / "diff.json"), "--fail-on", "never"]
        seconds = median_seconds(lambda: subprocess.run(command, check=True), args.runs)
        print(f"openness diff command (fresh process): median {seconds:.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
