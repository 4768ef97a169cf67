"""The reports of ``openness scan``: the fleet's table from the store, in text, JSON, JSON Lines,
CSV and HTML.

Every format writes the same records (:func:`record`): one per release, the store's row with
its JSON columns decoded. The HTML table sorts and filters with a few lines of inline script and
links each release to its full report, written beside it by the command.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape
from typing import Any, Iterable, Sequence

from openness.report import Format

SCHEMA = "openness.scan/1"

#: A record's fields, in the order the tables show them; ``outcomes`` becomes one column per
#: policy in CSV and HTML.
FIELDS = ("name", "revision", "layout", "location", "license_id", "license_name",
          "license_match", "license_similarity", "license_source", "outcomes", "mof_class",
          "user_cap", "user_metric", "revenue_cap", "revenue_currency", "non_compete",
          "outputs_restricted", "non_commercial", "regions", "training_data", "reasons", "error")
#: Columns the store keeps as JSON text.
JSON_COLUMNS = ("outcomes", "reasons", "regions")
#: Columns the store keeps as 0/1.
FLAG_COLUMNS = ("outputs_restricted", "non_commercial")


def record(row: dict[str, Any]) -> dict[str, Any]:
    """A release's record: the store's row with lists and mappings for its JSON columns."""
    out = {name: row.get(name) for name in FIELDS}
    for name in JSON_COLUMNS:
        out[name] = json.loads(row[name]) if row.get(name) else ({} if name == "outcomes" else [])
    for name in FLAG_COLUMNS:
        out[name] = bool(row[name]) if row.get(name) is not None else None
    return out


def render(rows: Iterable[dict[str, Any]], fmt: Format | str, *,
           links: dict[str, str] | None = None) -> str:
    """The report of the store's ``rows`` in ``fmt``; ``links`` maps a location to the path of
    its full report (HTML only)."""
    records = [record(r) for r in rows]
    fmt = Format(fmt)
    if fmt is Format.JSON:
        return json.dumps({"schema": SCHEMA, "releases": records}, ensure_ascii=False, indent=2)
    if fmt is Format.JSONL:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt is Format.CSV:
        return _csv(records)
    if fmt is Format.HTML:
        return _html(records, links or {})
    if fmt is Format.TEXT:
        return _text(records)
    raise ValueError(f"a scan cannot be written as {fmt}")


def _policies(records: Sequence[dict[str, Any]]) -> list[str]:
    return sorted({policy for r in records for policy in r["outcomes"]})


def _flat(records: Sequence[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """Columns and cells of the table: one column per policy in place of ``outcomes``, lists
    joined with "; "."""
    policies = _policies(records)
    columns = [c for name in FIELDS for c in (policies if name == "outcomes" else [name])]
    cells = []
    for r in records:
        row = []
        for name in FIELDS:
            value = r[name]
            if name == "outcomes":
                row.extend(value.get(p) for p in policies)
            elif isinstance(value, list):
                row.append("; ".join(value))
            else:
                row.append(value)
        cells.append(row)
    return columns, cells


def _csv(records: Sequence[dict[str, Any]]) -> str:
    columns, cells = _flat(records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([["" if c is None else c for c in row] for row in cells])
    return out.getvalue()


def _text(records: Sequence[dict[str, Any]]) -> str:
    policies = _policies(records)
    header = ["release", "licence", *policies, "MOF class", "error"]
    lines = []
    for r in records:
        licence = r["license_id"] or "-"
        if r["license_match"] and r["license_match"] != "exact":
            licence += f" ({r['license_match']})"
        name = r["name"] + (f"@{r['revision'][:8]}" if r["revision"] else "")
        lines.append([name, licence, *(r["outcomes"].get(p) or "-" for p in policies),
                      r["mof_class"] or "-", "error" if r["error"] else ""])
    widths = [max(len(str(row[i])) for row in [header, *lines]) for i in range(len(header))]
    table = [" ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip()
             for row in [header, *lines]]
    errors = sum(1 for r in records if r["error"])
    table.append(f"\n{len(records)} releases, {errors} with errors")
    table.extend(f"  {r['name']}: {r['error']}" for r in records if r["error"])
    return "\n".join(table) + "\n"


#: The table has a column per field and per policy, wider than a laptop window: it scrolls
#: sideways in its own box, the release names staying in view, while the page does not; long
#: values (reasons, locations) wrap within a column.
STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
.table { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .2rem .5rem;
vertical-align: top; text-align: left; min-width: 4rem; max-width: 24rem; overflow-wrap: break-word; }
th { cursor: pointer; background: #f3f3f3; }
td:first-child { position: sticky; left: 0; background: #fff; }
th:first-child { position: sticky; left: 0; }
th[aria-sort=ascending]::after { content: " \\25b2"; } th[aria-sort=descending]::after { content: " \\25bc"; }
.pass { color: #1a7f37; } .fail { color: #cf222e; } .warn { color: #9a6700; } .unknown { color: #8250df; }
.error { color: #cf222e; } input { margin: .5rem 0; padding: .3rem; width: 24rem; }
"""

#: Sorting by a clicked header (numbers as numbers) and filtering rows by any text they hold.
SCRIPT = """
const table = document.querySelector("table"), body = table.tBodies[0];
document.querySelector("input").addEventListener("input", e => {
  const words = e.target.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const row of body.rows) {
    const text = row.textContent.toLowerCase();
    row.hidden = !words.every(w => text.includes(w));
  }
});
table.tHead.querySelectorAll("th").forEach((th, column) => th.addEventListener("click", () => {
  const up = th.getAttribute("aria-sort") !== "ascending";
  table.tHead.querySelectorAll("th").forEach(h => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", up ? "ascending" : "descending");
  const key = row => row.cells[column].dataset.value ?? row.cells[column].textContent;
  const rows = [...body.rows].sort((a, b) => {
    const x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
    const order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
    return up ? order : -order;
  });
  body.append(...rows);
}));
"""


def _html(records: Sequence[dict[str, Any]], links: dict[str, str]) -> str:
    columns, cells = _flat(records)
    policies = set(_policies(records))
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for r, row in zip(records, cells):
        tds = []
        for column, value in zip(columns, row):
            text = "" if value is None else str(value)
            css = f' class="{escape(text)}"' if column in policies and text else ""
            if column == "error" and text:
                css = ' class="error"'
            content = escape(text)
            if column == "name" and r["location"] in links:
                content = f'<a href="{escape(links[r["location"]])}">{content}</a>'
            tds.append(f"<td{css}>{content}</td>")
        body.append(f"<tr>{''.join(tds)}</tr>")
    errors = sum(1 for r in records if r["error"])
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>openness scan</title>", f"<style>{STYLE}</style></head><body>",
        f"<h1>openness scan: {len(records)} releases, {errors} with errors</h1>",
        '<input type="search" placeholder="Filter: words every shown row holds" aria-label="Filter">',
        f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>', *body, "</tbody></table></div>",
        f"<script>{SCRIPT}</script>", "</body></html>", ""])
