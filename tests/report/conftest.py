"""A hand-made analysis covering every outcome, a text and a PDF document, an unreadable file
and notes; renderers are checked against it line by line.

Verdicts and rule results are the engine's own classes.
"""

from __future__ import annotations


import pytest

from openness.model import Analysis, DocumentResult
from openness.engine.results import PolicyVerdict, RuleResult
from openness.model import Document, Evidence, Finding, Page
from openness.identify.model import Basis, Identification, Match, Passage, Properties

LICENSE_TEXT = """Example Model Licence

1. Grant. You may use, copy and modify the Model.
2. Limits.
2.1 If your products had more than 700 million monthly active users, you must request a licence.
"""

#: Page 1 ends with the form feed; page 2 holds the restriction.
TERMS_TEXT = """Terms of Use
You may run the Model on your own hardware.
\f3. Restrictions
You may not use the Model to improve any other large language model.
"""

SUBJECT = "release"


def evidence(doc: Document, quote: str, section: str | None) -> Evidence:
    start = doc.text.index(quote)
    span = doc.span(start, start + len(quote))
    return Evidence(path=doc.path, quote=quote, section=section, page=span.page, line=span.line,
                    start=span.start, end=span.end)


def sha(char: str) -> str:
    return char * 64


@pytest.fixture
def licence() -> Document:
    return Document(path="release/LICENSE.md", text=LICENSE_TEXT, format="md", sha256=sha("a"))


@pytest.fixture
def terms() -> Document:
    split = TERMS_TEXT.index("\f") + 1
    pages = (Page(number=1, start=0, end=split), Page(number=2, start=split, end=len(TERMS_TEXT)))
    return Document(path="release/terms.pdf", text=TERMS_TEXT, format="pdf", sha256=sha("b"),
                    pages=pages)


@pytest.fixture
def user_cap(licence: Document) -> Evidence:
    return evidence(licence, "more than 700 million monthly active users", "2.1")


@pytest.fixture
def non_compete(terms: Document) -> Evidence:
    return evidence(terms, "You may not use the Model to improve any other large language model.", "3")


@pytest.fixture
def analysis(licence: Document, terms: Document, user_cap: Evidence, non_compete: Evidence) -> Analysis:
    findings = (
        Finding(kind="restrict.user_threshold",
                attributes={"count": 700_000_000, "metric": "monthly_active_users"}, evidence=user_cap,
                digest=licence.sha256),
        Finding(kind="restrict.non_compete", attributes={}, evidence=non_compete, digest=terms.sha256),
    )
    osd = PolicyVerdict(policy="osd", title="Open Source Definition", outcome="fail", subject=SUBJECT, rules=(
        RuleResult(id="osd.no-discrimination", title="OSD 5: no discrimination against persons or groups",
                   outcome="fail",
                   message="Licensees above 700000000 monthly_active_users need the licensor's permission",
                   evidence=(user_cap,), trace=("restrict.user_threshold matched -> fail",),
                   fix="a licence without a user threshold (§2.1)",
                   rationale="The rights must reach everyone alike.",
                   reference=("https://opensource.org/osd", "5. No Discrimination Against Persons or Groups")),
        RuleResult(id="osd.no-field-of-use", title="OSD 6: no discrimination against fields of endeavour",
                   outcome="fail", message="The work may not be used to improve other models",
                   evidence=(non_compete,), fix="drop the non-compete clause (§3)"),
        RuleResult(id="osd.free-redistribution", title="OSD 1: free redistribution", outcome="pass",
                   message="Redistribution is allowed"),
        RuleResult(id="osd.source-code", title="OSD 2: source code", outcome="pass",
                   message="The weights are the preferred form"),
    ))
    osaid = PolicyVerdict(policy="osaid-1.0", title="Open Source AI Definition 1.0", outcome="unknown",
                          subject=SUBJECT, rules=(
        RuleResult(id="osaid-1.0.data-information", title="Data information", outcome="unknown",
                   message="Nothing is known of the training data: no model card was given",
                   fix="give the model card or data card with the release"),
        RuleResult(id="osaid-1.0.weights", title="Parameters available", outcome="pass",
                   message="The parameters are released"),
    ))
    acme = PolicyVerdict(policy="acme", title="ACME production approval", outcome="warn", subject=SUBJECT,
                         rules=(
        RuleResult(id="acme.users", title="A user cap must not reach us", outcome="warn",
                   message="We may grow past the cap of 700000000", evidence=(user_cap,)),
    ))
    mof = PolicyVerdict(policy="mof", title="Model Openness Framework", outcome="pass", subject=SUBJECT,
                        rules=(RuleResult(id="mof.weights", title="Weights released", outcome="pass",
                                          message="Weights are released"),))
    identity = Identification(
        id="MIT", name="MIT License", similarity=0.9, match=Match.VARIANT, basis=Basis.TEXT,
        properties=Properties(osi_approved=True, fsf_libre=True, category="Permissive"),
        added=(Passage(quote="If your products had more than 700 million monthly active users, "
                             "you must request a licence.", line=5, section="2.1",
                       findings=("restrict.user_threshold",)),),
        removed=(Passage(quote="The above copyright notice shall be included", line=4),))
    documents = (
        DocumentResult(path=licence.path, role="license", subject=SUBJECT, document=licence,
                       license=identity),
        DocumentResult(path=terms.path, role="use_policy", subject=SUBJECT, document=terms,
                       notes=("2 running headers removed",)),
        DocumentResult(path="release/broken.pdf", role="other", subject=SUBJECT,
                       error="is an encrypted PDF: remove the password first"),
    )
    return Analysis(documents=documents, findings=findings, verdicts=(osd, osaid, acme, mof),
                    notes=("release/LICENSE.md §2 incorporates the use policy at https://example.com/aup, "
                           "which was not given; its terms were not checked",))


HOSTILE = "<script>alert(1)</script> [bold]x[/bold] | **b** ![i](https://evil.example/p.png) &amp;"


@pytest.fixture
def hostile() -> Analysis:
    """Untrusted text everywhere a renderer prints it: licence text, quotes, messages, paths."""
    text = f"Preamble\n{HOSTILE}\nend\n"
    doc = Document(path="odd <name>.txt", text=text, format="txt", sha256=sha("c"))
    ev = evidence(doc, HOSTILE, "<1>")
    verdict = PolicyVerdict(policy="p", title=f"title {HOSTILE}", outcome="fail", rules=(
        RuleResult(id="p.r", title=HOSTILE, outcome="fail", message=f"message {HOSTILE}", evidence=(ev,),
                   fix=HOSTILE, trace=(HOSTILE,)),
    ))
    identity = Identification(id="MIT", name=f"MIT {HOSTILE}", similarity=0.9, match=Match.VARIANT,
                              basis=Basis.TEXT, added=(Passage(quote=HOSTILE, line=2),))
    return Analysis(documents=(DocumentResult(path=doc.path, role="license", document=doc,
                                              license=identity),),
                    findings=(Finding(kind="restrict.field_of_use", evidence=ev),),
                    verdicts=(verdict,), notes=(HOSTILE,))
