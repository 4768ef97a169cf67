"""The Markdown report for pull requests and tickets."""

from __future__ import annotations

from openness.report import render
from openness.report.markdown import code, escape


def lines(report: str) -> list[str]:
    return report.splitlines()


def test_summary_table_has_a_row_per_policy(analysis):
    report = lines(render(analysis, "markdown", color=False))
    at = report.index("| Subject | Policy | Outcome | Rules not passed |")
    assert report[at + 2:at + 6] == [
        "| `release` | `osd` Open Source Definition | ❌ fail | 2 |",
        "| `release` | `osaid-1.0` Open Source AI Definition 1.0 | ❓ unknown | 1 |",
        "| `release` | `acme` ACME production approval | ⚠️ warn | 1 |",
        "| `release` | `mof` Model Openness Framework | ✅ pass | 0 |",
    ]


def test_failing_rule_with_quote_location_and_fix(analysis):
    report = lines(render(analysis, "markdown", color=False))
    at = report.index("### ❌ `osd.no-discrimination` OSD 5: no discrimination against persons or groups")
    assert report[at + 1:at + 8] == [
        "",
        "**fail** (`osd` in `release`): Licensees above 700000000 monthly\\_active\\_users need the "
        "licensor's permission",
        "",
        "Evidence: \\[1\\]",
        "",
        "**To change the verdict:** a licence without a user threshold (§2.1)",
        "",
    ]
    at = report.index("> **\\[1\\]** more than 700 million monthly active users")
    assert report[at + 1:at + 3] == [">", "> — `release/LICENSE.md:5` (§2.1)"]


def test_the_answer_comes_first(analysis):
    report = lines(render(analysis, "markdown", color=False))
    assert report[2:8] == [
        "### Answer for `release`",
        "",
        "- ❌ fail **osd**: Licensees above 700000000 monthly\\_active\\_users need the licensor's "
        "permission \\[1\\]; The work may not be used to improve other models \\[2\\]",
        "- ❓ unknown **osaid-1.0**: Nothing is known of the training data: no model card was given",
        "- ⚠️ warn **acme**: We may grow past the cap of 700000000 \\[1\\]",
        "- ✅ pass **mof**: Model Openness Framework",
    ]
    report_text = "\n".join(report)
    assert report_text.count("more than 700 million monthly active users") == 1


def test_long_quotes_are_cut_at_a_word_with_an_ellipsis(analysis, licence):
    from dataclasses import replace

    from openness.report.markdown import QUOTE_WIDTH

    long_quote = " ".join(["unreasonably"] * 60)
    verdict = analysis.verdicts[0]
    rule = replace(verdict.rules[0], evidence=(replace(verdict.rules[0].evidence[0], quote=long_quote),))
    changed = replace(analysis, verdicts=(replace(verdict, rules=(rule,)),))
    quoted = next(line for line in lines(render(changed, "markdown", color=False))
                  if line.startswith("> **\\[1\\]**"))
    words = quoted.removeprefix("> **\\[1\\]** ")
    assert words.endswith("unreasonably…") and len(words) <= QUOTE_WIDTH


def test_pdf_location_names_the_page(analysis):
    assert "> — `release/terms.pdf:4` (page 2, §3)" in lines(render(analysis, "markdown", color=False))


def test_unknown_and_warn_rules_get_sections(analysis):
    report = lines(render(analysis, "markdown", color=False))
    assert "### ❓ `osaid-1.0.data-information` Data information" in report
    assert "### ⚠️ `acme.users` A user cap must not reach us" in report


def test_passing_rules_are_collapsed(analysis):
    report = render(analysis, "markdown", color=False)
    assert "<details>\n<summary>4 rules passed</summary>\n\n- `osd.free-redistribution` OSD 1: free " \
           "redistribution (`release`)\n" in report
    shown = render(analysis, "markdown", color=False, show_passing=True)
    assert "<details>" not in shown and "### Passing rules" in shown


def test_document_errors_and_notes(analysis):
    report = lines(render(analysis, "markdown", color=False))
    at = report.index("### Documents that could not be read")
    assert report[at + 2] == "- `release/broken.pdf`: is an encrypted PDF: remove the password first"
    assert "- release/terms.pdf: 2 running headers removed" in report


def test_untrusted_text_cannot_make_markup(hostile):
    report = render(hostile, "markdown", color=False)
    assert "<script>" not in report
    assert "![i]" not in report and "**b**" not in report
    assert "\\<script\\>alert(1)\\</script\\> \\[bold\\]x\\[/bold\\] \\| \\*\\*b\\*\\*" in report
    assert "\\&amp;" in report  # an entity in the licence stays text


def test_escape_keeps_list_markers_literal():
    assert escape("- not a list") == "\\- not a list"
    assert escape("12. not a list") == "12\\. not a list"
    assert escape("line\nbreaks   fold") == "line breaks fold"


def test_code_spans_survive_backticks():
    assert code("a`b") == "``a`b``"
    assert code("`x") == "`` `x ``"


def test_licences_list_each_identity_with_its_edits(analysis):
    report = lines(render(analysis, "markdown", color=False))
    at = report.index("### Licences")
    assert report[at + 2] == ("- `release/LICENSE.md`: MIT (MIT License): variant, similarity 90.0%; "
                              "1 passage(s) added, 1 removed")
    # the added passage is the user-cap clause the report already quotes: it refers to it
    assert report[at + 3] == r"  - \+ added (line 5, section 2.1) -\> restrict.user\_threshold: see \[1\]"
    assert report[at + 4].startswith(r"  - \- removed (at line 4): The above copyright notice")
    assert "release/terms.pdf" not in "\n".join(report[at:at + 6])


def test_a_hostile_identity_is_escaped(hostile):
    report = render(hostile, "markdown", color=False)
    assert "<script>" not in report
