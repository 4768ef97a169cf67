"""The ``openness_glossary`` component: a licence's defined terms, carried to every use.

Licences name their parties and their subject once ("Acme AI Inc. ("Acme", "we")", '"Assets"
means the voice banks and the model weights') and then speak in those names; they put numbers
in definitions ('"Threshold" means annual revenue of USD 5 million') and the effect elsewhere
("a Licensee above the Threshold needs an enterprise licence"). The glossary reads

* definitions ('"Term" means ...', 'Term means ...'): what the term stands for, read from the
  concepts found in its definition (the work, a derivative, outputs, these terms, a party), and
  any threshold or territory it sets, with the attribute readers the rules use;
* aliases in brackets ('Acme AI Inc. ("Acme", "we" or "us")'), the parties of "between you
  and Acme", a copyright line and a company's name ("Kestrel AI, Inc."), which name the
  licensor;

and marks every use of a term with the label of what it stands for, so "place the Assets in
the hands of a third party" shares the work, and "exceeds the Threshold" is a revenue gate with
the definition's amount. A definition is evidence too: the rules that read it say where it is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from spacy.language import Language
from spacy.tokens import Doc

from openness.extract.attributes import READERS, UnitText
from openness.extract.cues import CUES_KEY, Mark
from openness.extract.layout import PARTICULARS
from openness.extract.patterns import load_patterns
from openness.extract.units import TEXT_KEY, UNITS_KEY, Unit

GLOSSARY_KEY = "openness.glossary"

#: A term in quotes (straight, curly or single) or bold at the start of a definition.
_QUOTED_TERM = re.compile(r"""^[\W_]{0,4}["'\u201c\u2018*]{1,2}([A-Z][^"'\u201d\u2019*\n]{0,60}?)["'\u201d\u2019*]{1,2}""")
#: A bare Title Case term before its defining verb ("Threshold means ...").
_BARE_TERM = re.compile(r"^[\W_]{0,4}((?:[A-Z][\w-]*\s){0,4}[A-Z][\w-]*)\s+(?=means|refers|shall\s+mean|is\s+defined)")
#: The words after which a definition says what the term stands for.
_DEFINES = re.compile(r"\b(?:means|mean|refers? to|shall mean|is defined as|includes|has the meaning|designates|denotes)\b", re.I)
#: What parts a term from its meaning in a glossary list ("- **Territory**: worldwide, ...").
_ENTRY_SEPARATOR = re.compile(r"\s*(?::|\u2013|\u2014| - )")
#: The dot leaders between a line of particulars' label and its value.
_LEADERS = re.compile(r"\s*\.{3,}\s*")
#: Cues that make a unit a clause rather than a glossary entry: "**Attribution**: you must
#: credit us" is a duty under a label, not a definition.
_CLAUSE_CUES = frozenset({"MODAL", "MUST", "NEG", "FORBID", "PERMIT", "GRANTS", "USE_BAN", "CAN"})
#: Aliases in brackets after a name: 'Acme AI Inc. ("Acme", "we" or "us")'.
_ALIAS_OPENS = r"\((?:the\s+|hereinafter\s+|each\s+a\s+|together\s+)?"
_ALIASES = re.compile(
    r"(?P<name>(?:[A-Z][\w.&'-]* ){0,5}[A-Z][\w.&'-]*),? ?" + _ALIAS_OPENS +
    r"(?P<aliases>[\"\u201c][^\"\u201d)]{1,40}[\"\u201d](?:\s*(?:,|or|and|,\s*or|,\s*and)\s*[\"\u201c][^\"\u201d)]{1,40}[\"\u201d])*)\s*\)"
)
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]")
#: The work named by what it is: "Banter, our little dialogue model", "Heron-2 is a speech model".
_WORK_NAME = re.compile(
    r"\b(?P<name>[A-Z][\w.-]*(?: [A-Z0-9][\w.-]*){0,3})(?:,\s+| is )(?:our|a|an|the)\s+"
    r"(?:[\w-]+\s+){0,4}(?:model|models|weights|checkpoint|checkpoints)\b"
)
#: The licensor named as a party or a copyright holder.
_PARTY = re.compile(
    r"\b(?i:between\s+you\s+and)\s+(?P<a>(?:[A-Z][\w.&'-]* ?){1,5})"
    r"|\b(?i:between)\s+(?P<b>(?:[A-Z][\w.&'-]* ?){1,5})\s*(?:\([^)]*\)\s*)?,?\s*(?i:and\s+you)\b"
    r"|\b(?i:copyright) *(?:\([cC]\)|\u00a9)? *(?:\d{4}(?: *[-\u2013] *\d{4})?,? *)?(?P<c>(?:[A-Z][\w.&'-]* ?){1,5})"
)
#: A company's name, which in a licence is the licensor's ("Kestrel AI, Inc. may update ...").
_COMPANY_FORMS = r"(?:Inc|Ltd|LLC|L\.L\.C|GmbH|Corp|Corporation|PLC|plc|AG|S\.A|SAS|B\.V|Pte|Oy|AB|K\.K|Co\., Ltd)\b"
_COMPANY = re.compile(r"\b((?:[A-Z][\w&'-]* ){0,4}[A-Z][\w&'-]*),? " + _COMPANY_FORMS + r"\.?")
#: What a text must hold for each name pattern to match: searched first, as the patterns
#: themselves are slow to try at every capital letter of a long licence.
_NEEDED = {
    "aliases": re.compile(_ALIAS_OPENS + "[\"\u201c]"),
    "party": re.compile(r"between|copyright", re.I),
    "company": re.compile(_COMPANY_FORMS),
    "work": re.compile(r"\b(?:model|models|weights|checkpoints?)\b"),
}
#: Words that stand for the licensor when given as its alias.
_LICENSOR_WORDS = frozenset({"we", "us", "our", "licensor", "company", "provider", "publisher", "owner"})
#: Capitalised words that open a sentence describing a model without being its name.
_NOT_WORK_NAMES = frozenset({"this", "it", "that", "which", "the model", "each", "every", "any", "our", "your"})
#: Words that end a company's name or say nothing on their own.
_NAME_STOP = frozenset({"inc", "inc.", "ltd", "ltd.", "llc", "gmbh", "corp", "corp.", "co", "co.", "plc", "ag",
                        "sa", "s.a.", "the", "and", "all", "rights", "reserved", "limited", "corporation"})
#: What a use of the term is marked with, by the concept its definition names (first found).
_MEANINGS = ("LICENSOR", "LICENSEE", "DERIVED", "OUTPUT", "WORK", "TERMS")
#: Definitions that set a limit, and the label their uses carry: (label, reader, attributes
#: the reader must find).
_LIMITS = (
    ("DEFINED_USER_CAP", "user_threshold", ("count", "metric"), "USER_METRIC"),
    ("DEFINED_REVENUE_CAP", "revenue_threshold", ("amount", "currency"), "REVENUE"),
    ("DEFINED_TERRITORY", "regions", ("regions",), "REGION"),
)
#: Words that turn a list of places into an exclusion ("worldwide, excluding ...").
_EXCLUDING = re.compile(r"\b(?:exclud\w*|except\w*|other than|outside|save|but not|does not include|with the exception of)\b", re.I)


@dataclass(frozen=True, kw_only=True)
class Definition:
    """A defined term and what it stands for."""

    term: str
    #: Offsets, in the analysed text, of the unit that defines it; ``None`` for a name given
    #: in brackets or as a party, whose definition is not a clause.
    start: int | None = None
    end: int | None = None
    #: The label each use of the term carries (``WORK``, ``LICENSOR``...), if any.
    meaning: str | None = None
    #: A limit the definition sets: the label of its uses and the attributes read from it.
    limit: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)


@Language.factory("openness_glossary", default_config={})
def make_glossary(nlp: Language, name: str) -> "GlossaryReader":
    return GlossaryReader()


class GlossaryReader:
    """Writes ``doc.user_data[GLOSSARY_KEY]`` (term -> :class:`Definition`) and adds a mark for
    every use of a term to the cues of its unit."""

    def __init__(self) -> None:
        #: Labels the rules read as acts: a term that names an act ('"Use" includes ...
        #: fine-tuning') stays an act wherever it is used.
        self.acts = load_patterns().acts

    def __call__(self, doc: Doc) -> Doc:
        units: list[Unit] = doc.user_data.get(UNITS_KEY, [])
        cues: list[list[Mark]] = doc.user_data.get(CUES_KEY, [])
        text = doc.user_data.get(TEXT_KEY) or doc.text
        glossary: dict[str, Definition] = {}
        for unit in units:  # one unit at a time: a name never runs across a heading
            for definition in _names(text[unit.start_char : unit.end_char]):
                glossary.setdefault(definition.term, definition)
        for unit, marks in zip(units, cues):
            if any(m.label == "DEFINITION" for m in marks) or _is_entry(text, unit, marks):
                definition = _define(doc, text, unit, marks, self.acts)
                if definition is not None:
                    glossary[definition.term] = definition
        doc.user_data[GLOSSARY_KEY] = glossary
        if glossary and units:
            _mark_uses(doc, text, units, cues, glossary)
        return doc


def _is_entry(text: str, unit: Unit, marks: list[Mark]) -> bool:
    """A glossary entry without a defining verb: a quoted or bold term, a colon or dash, its
    meaning, and no force; or a line of particulars (a label, dot leaders, its value)."""
    body = text[unit.start_char : unit.end_char]
    quoted = _QUOTED_TERM.match(body)
    entry = (quoted is not None and _ENTRY_SEPARATOR.match(body, quoted.end()) is not None
             or PARTICULARS.match(body) is not None)
    return entry and not any(m.label in _CLAUSE_CUES for m in marks)


def _define(doc: Doc, text: str, unit: Unit, marks: list[Mark], acts: frozenset[str]) -> Definition | None:
    body = text[unit.start_char : unit.end_char]
    found = _QUOTED_TERM.match(body) or _BARE_TERM.match(body) or PARTICULARS.match(body)
    verb = _DEFINES.search(body) or (found and (_ENTRY_SEPARATOR.match(body, found.end())
                                                or _LEADERS.match(body, found.end())))
    if found is None or verb is None or verb.start() < found.end(1):
        return None
    term = found.group(1).strip()
    view = UnitText.of(doc, text, unit, marks)
    own = [m[0] for m in view.marks if m[2] >= found.start(1) and m[3] <= found.end(1)]
    if any(m[0] in acts and (m[2], m[3]) == found.span(1) for m in view.marks):
        return None  # '"Use" includes ... fine-tuning': the term stays the act it names
    said = [m[0] for m in view.marks if m[2] >= verb.end()]
    # a limit, even on a party ('"Volume Licensee" means you, if your revenue ... was above
    # USD 250,000,000')
    limit = _limit(view, body, verb.end(), set(said))
    if limit is not None:
        return Definition(term=term, start=unit.start_char, end=unit.end_char, limit=limit[0],
                          attributes=limit[1])
    # a party ('"Licensor" means ...'), or a term that names its own kind ("Model Derivatives")
    meaning = next((label for label in _MEANINGS if label in own), None)
    if meaning is None:
        # what the definition names first ('"Agreement" means the terms ... of the Materials')
        meaning = next((label for label in said if label in _MEANINGS[2:]), None)
    return Definition(term=term, start=unit.start_char, end=unit.end_char, meaning=meaning)


def _limit(view: UnitText, body: str, after: int, said: set[str]) -> tuple[str, dict[str, Any]] | None:
    """The limit a definition sets, as the label of its uses and the attributes read from it."""
    for label, reader, needs, concept in _LIMITS:
        if concept not in said:
            continue
        if label == "DEFINED_TERRITORY" and not ("WORLD" in said and _EXCLUDING.search(body, after)):
            continue  # a territory is the world less some places, not any sentence naming a place
        attributes = READERS[reader](view)
        if all(name in attributes for name in needs):
            return label, attributes
    return None


def _names(text: str) -> list[Definition]:
    """The licensor's names (aliases in brackets, "between you and X", a copyright line) and
    the work's ("Banter, our dialogue model")."""
    names: list[Definition] = []
    needed = {name for name, pattern in _NEEDED.items() if pattern.search(text)}
    for match in _ALIASES.finditer(text) if "aliases" in needed else ():
        aliases = [a.strip() for a in _QUOTED.findall(match.group("aliases"))]
        if any(a.lower() in _LICENSOR_WORDS for a in aliases):
            names.extend(_licensor(n) for n in [match.group("name"), *aliases] if _is_name(n))
    for match in _PARTY.finditer(text) if "party" in needed else ():
        name = next(g for g in match.groups() if g)
        if _is_name(name):
            names.append(_licensor(name))
    for match in _COMPANY.finditer(text) if "company" in needed else ():
        names.append(_licensor(match.group(0)))
        names.append(_licensor(match.group(1)))
    named = [n for name in names for n in (name, _licensor(name.term.split()[0])) if _is_name(n.term)]
    for match in _WORK_NAME.finditer(text) if "work" in needed else ():
        if _is_name(match.group("name")) and match.group("name").lower() not in _NOT_WORK_NAMES:
            named.append(Definition(term=match.group("name"), meaning="WORK"))
    return named


def _licensor(name: str | Definition) -> Definition:
    term = name.term if isinstance(name, Definition) else _trim(name)
    return Definition(term=term, meaning="LICENSOR")


def _trim(name: str) -> str:
    words = name.strip(" ,.").split()
    while words and words[-1].lower().strip(",") in _NAME_STOP:
        words.pop()
    return " ".join(words).strip(" ,")


def _is_name(term: str) -> bool:
    """A proper name worth marking: capitalised, not a word the licence uses for anyone."""
    return (len(term) > 2 and term[:1].isupper() and term.lower() not in _LICENSOR_WORDS
            and term.lower().strip(".") not in _NAME_STOP)


def _mark_uses(doc: Doc, text: str, units: list[Unit], cues: list[list[Mark]],
               glossary: Mapping[str, Definition]) -> None:
    """Adds a mark of each term's meaning or limit wherever the term is used."""
    firsts = [u.start for u in units]
    for term, definition in glossary.items():
        label = definition.meaning or definition.limit
        if label is None or not (term[:1].isupper() or any(c.isdigit() for c in term)):
            continue
        uses = []
        for match in re.finditer(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            index = bisect.bisect_right(firsts, span.start) - 1
            if index < 0 or span.end > units[index].end:
                continue
            inside = definition.start is not None and definition.start <= match.start() < (definition.end or 0)
            uses.append((index, span, inside))
        # a limit counts where the term is used; where it never is, at its own definition
        outside = [u for u in uses if not u[2]]
        for index, span, _ in (outside if definition.limit and outside else uses):
            cues[index].append(Mark(label=label, start=span.start, end=span.end, id=term))
    for marks in cues:
        marks.sort(key=lambda m: (m.start, m.end))
