"""``openness scan PATH…``: every model release under some folders, in one table and one store."""

from __future__ import annotations

import hashlib
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from openness.cli.common import FAIL_ON, chosen_format, emit, error, fail, settings, shared_options
from openness.report import Format

#: The formats of a scan's table.
FORMATS = (Format.TEXT, Format.JSON, Format.JSONL, Format.CSV, Format.HTML)
#: The store used when ``--db`` is not given, in the current folder.
DEFAULT_DB = "openness-scan.sqlite"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="The results store (SQLite); created if missing, reused to skip what did not change.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in FORMATS]), default=None,
              help="Table format (default: text). html writes each release's report beside --output.")
@click.option("--policy", "-p", "policies", multiple=True, metavar="NAME_OR_FILE",
              help="A built-in policy or a .rules file; repeatable. Default: osd, osaid-1.0 and mof.")
@click.option("--profile", type=click.Path(dir_okay=False), default=None,
              help="YAML file with your own situation (users, revenue, regions) for the rules.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Analyse this many releases at once (processes, or Dask workers).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool here; dask: a Dask cluster (pip install 'openness[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask, the scheduler of a running cluster (default: a local one of --jobs workers).")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="fail", show_default=True,
              help="Exit 1 when a release's verdict reaches this outcome.")
@shared_options
def scan(paths: tuple[str, ...], db: str, fmt: str | None,
         policies: tuple[str, ...], profile: str | None, jobs: int, engine: str,
         scheduler: str | None, fail_on: str) -> None:
    """Find every model release under PATHS (folders holding a licence, use policy or model card;
    the Hugging Face cache; hub clones), analyse each, and write one row per release to the store.

    A re-scan analyses only the releases whose documents or settings changed; an interrupted
    scan resumes where it stopped. Without PATHS, the table of everything in the store is written.
    A release that cannot be read is a row with its error (exit 2 once all are written).
    """
    from openness.errors import OpennessError
    from openness.scan import DEFAULT_POLICIES, Engine, Store, scan as run
    from openness.scan.discover import missing

    chosen = chosen_format(fmt, FORMATS)
    output = settings().output
    if chosen is Format.HTML and not output:
        fail("--format html writes each release's report beside the table: give --output FILE.html")
    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    absent = missing(paths)
    for path in absent:
        error(f"{path}: no such folder")
    try:
        with Store(db) as store:
            if paths:
                with progress() as observer:
                    done = run(paths, store, policies=policies or DEFAULT_POLICIES,
                               profile=profile, engine=Engine(engine), workers=jobs,
                               scheduler=scheduler, observer=observer)
                rows = list(store.releases(done.found))
            else:
                rows = list(store.releases())
            emit(_table(store, rows, chosen, output))
    except OpennessError as exc:
        fail(str(exc))
    for row in rows:
        if row["error"]:
            error(f"{row['name']}: {row['error']}")
    # as in analyze: a verdict that reaches --fail-on says more than a release that was bad
    if any(_reached(row, FAIL_ON[fail_on]) for row in rows):
        sys.exit(1)
    if absent or any(row["error"] for row in rows):
        sys.exit(2)


def _table(store: object, rows: list[dict[str, object]], fmt: Format, output: str | None) -> str:
    """The table in ``fmt``; for HTML, each release's full report written to a folder beside
    ``output`` (``scan.html`` -> ``scan.reports/``) and linked from its row."""
    from openness.report.scan import render

    links: dict[str, str] = {}
    if fmt is Format.HTML and output:
        folder = Path(output).with_suffix(".reports")
        folder.mkdir(exist_ok=True)
        for row in rows:
            location = str(row["location"])
            page = store.report(location)  # type: ignore[attr-defined]
            if page is None:
                continue
            name = hashlib.sha256(location.encode()).hexdigest()[:16] + ".html"
            (folder / name).write_text(page, "utf-8")
            links[location] = f"{folder.name}/{name}"
    return render(rows, fmt, links=links)


def _reached(row: dict[str, object], outcomes: frozenset[object]) -> bool:
    import json

    return any(o in outcomes for o in json.loads(str(row["outcomes"] or "{}")).values())


@contextmanager
def progress() -> Iterator[object]:
    """Releases done / total, rate and errors on stderr, when stderr is a terminal."""
    if settings().quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("scanning"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f}/s"), TextColumn("{task.fields[errors]} errors"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("scan", total=None, rate=0.0, errors=0)
        analysed = 0

        def observe(done: object, rows: object) -> None:
            nonlocal analysed
            analysed += rows is not None
            elapsed = bar.tasks[0].elapsed or 0.0
            bar.update(task, completed=done.done, total=done.total,  # type: ignore[attr-defined]
                       rate=analysed / elapsed if elapsed else 0.0,
                       errors=done.errors)  # type: ignore[attr-defined]

        yield observe
