"""The terminal report: verdict lines, failing rules with evidence and fixes, folded passes."""

from __future__ import annotations

from openness.report import render


def lines(report: str) -> list[str]:
    return report.splitlines()


def test_one_verdict_line_per_policy_in_order(analysis):
    verdicts = [line for line in lines(render(analysis, "text", color=False)) if not line.startswith(" ")
                and line.split(" ", 1)[0] in {"PASS", "FAIL", "WARN", "UNKNOWN"}]
    assert verdicts == [
        "FAIL     osd  Open Source Definition  [release]",
        "UNKNOWN  osaid-1.0  Open Source AI Definition 1.0  [release]",
        "WARN     acme  ACME production approval  [release]",
        "PASS     mof  Model Openness Framework  [release]",
    ]


def test_a_failing_rule_shows_message_evidence_and_fix(analysis):
    report = lines(render(analysis, "text", color=False))
    at = report.index("  FAIL     osd.no-discrimination  OSD 5: no discrimination against persons or groups")
    assert report[at + 1:at + 4] == [
        "    Licensees above 700000000 monthly_active_users need the licensor's permission",
        "    Evidence: [1]",
        "    To change the verdict: a licence without a user threshold (§2.1)",
    ]
    assert '  [1]   release/LICENSE.md:5 §2.1  "more than 700 million monthly active users"' in report


def test_pdf_evidence_names_the_page(analysis):
    report = render(analysis, "text", color=False)
    assert ('  [2]   release/terms.pdf:2:4 §3  "You may not use the Model to improve any other large '
            'language model."') in " ".join(line.strip() if line.startswith("        ") else "\n" + line
                                          for line in lines(report)).replace(" \n", "\n").splitlines()


def test_the_answer_comes_first_one_line_per_policy(analysis):
    report = lines(render(analysis, "text", color=False))
    assert report[:6] == [
        "Answer  [release]",
        "  FAIL     osd: Licensees above 700000000 monthly_active_users need the licensor's permission [1];",
        "    The work may not be used to improve other models [2]",
        "  UNKNOWN  osaid-1.0: Nothing is known of the training data: no model card was given",
        "  WARN     acme: We may grow past the cap of 700000000 [1]",
        "  PASS     mof: Model Openness Framework",
    ]
    assert report.index("Answer  [release]") < report.index("FAIL     osd  Open Source Definition  [release]")


def test_each_quote_is_printed_once_and_referred_to(analysis):
    report = render(analysis, "text", color=False)
    # osd.no-discrimination and acme.users both rest on the user cap: one quote, two references
    assert report.count("more than 700 million monthly active users") == 1
    assert report.count("improve any other large") == 1
    assert lines(report).count("    Evidence: [1]") == 2


def test_unknown_and_warn_rules_are_listed(analysis):
    report = lines(render(analysis, "text", color=False))
    assert "  UNKNOWN  osaid-1.0.data-information  Data information" in report
    assert "    Nothing is known of the training data: no model card was given" in report
    assert "  WARN     acme.users  A user cap must not reach us" in report


def test_passing_rules_are_folded_into_a_count(analysis):
    report = lines(render(analysis, "text", color=False))
    assert report.count("  2 rules passed") == 1
    assert report.count("  1 rule passed") == 2
    assert not any("osd.free-redistribution" in line for line in report)


def test_show_passing_lists_them(analysis):
    report = lines(render(analysis, "text", color=False, show_passing=True))
    assert "  PASS     osd.free-redistribution  OSD 1: free redistribution" in report
    assert not any("rules passed" in line for line in report)


def test_documents_errors_and_notes(analysis):
    report = lines(render(analysis, "text", color=False))
    assert "  release/terms.pdf  use_policy  2 pages" in report
    assert "    note: 2 running headers removed" in report
    assert "  release/broken.pdf  other  error: is an encrypted PDF: remove the password first" in report
    notes = report.index("Notes")
    assert report[notes + 1].startswith("  - release/LICENSE.md §2 incorporates the use policy at")
    assert report[notes + 2].startswith("    ")  # a wrapped note stays under its bullet


def test_no_escape_codes_without_colour(analysis):
    assert "\x1b[" not in render(analysis, "text", color=False)


def test_outcomes_are_coloured_with_colour(analysis):
    report = render(analysis, "text", color=True)
    assert "\x1b[1;31mFAIL" in report  # bold red
    assert "\x1b[1;32mPASS" in report  # bold green


def test_untrusted_text_is_printed_as_is(hostile):
    report = render(hostile, "text", color=True)
    assert "[bold]x[/bold]" in report  # not taken as rich markup
    assert "<script>alert(1)</script>" in report


def test_plain_text_is_what_rich_would_print(analysis):
    # Without colour the lines are written directly; with it rich prints them. Same characters.
    import re

    plain = render(analysis, "text", color=False)
    coloured = re.sub(r"\x1b\[[0-9;]*m", "", render(analysis, "text", color=True))
    assert plain == coloured
    assert max(len(line) for line in plain.splitlines()) <= 100


def test_a_licence_document_shows_its_identity_and_a_variants_edits(analysis):
    report = lines(render(analysis, "text", color=False))
    at = report.index("  release/LICENSE.md  license")
    assert report[at + 1] == "    licence: MIT (MIT License): variant, similarity 90.0%; 1 passage(s) added, 1 removed"
    assert report[at + 2] == "      + added (line 5, section 2.1) -> restrict.user_threshold"
    # the added passage is the user-cap clause the report already quotes: it refers to it
    assert report[at + 3] == "        see [1]"
    assert "      - removed (at line 4)" in report[at + 4:at + 8]
    terms = report.index("  release/terms.pdf  use_policy  2 pages")
    assert not report[terms + 1].lstrip().startswith("licence:")  # no identity: none was made
