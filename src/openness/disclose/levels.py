"""How much a document discloses about the training data: released, described, vague or none.

The levels (taxonomy.md) are judged statement by statement, then for the document:

* A statement is **about the training data** when it names data (a data noun: data, dataset,
  corpus, tokens...) and either says it was trained on (``training`` cues), or describes data
  in the generic words cards use for their training data (``vague`` cues), or stands under a
  heading about data or training (a bare dataset name only in a list or table, or under a
  training-data heading). Statements about evaluation, calibration, sample data, bias
  or privacy are left out unless they themselves speak of training.
* Such a statement is **released** when it links to a data host (``hosts.jsonl``) or says the
  data is published (``release`` cues), unless the same statement says the data must first be
  rebuilt from raw sources (``recipe``: a build script is not the data itself) or that it is
  not published (``withheld``); **described** when it names datasets (``datasets.jsonl``, or a
  proper name after "trained on"), breaks the data down by share (``breakdown``) or links
  per-dataset documentation (data cards, datasheets); otherwise **vague** (generic words, or a
  pointer to another model or paper).
* The document's level is the highest of its statements, with one cap: when a statement says
  the model was trained on a *subset* of something (``partial``) or that data is not published
  (``withheld``), and gives no link of its own, the data as trained on is not all published,
  so a released level becomes described. A ``withheld`` statement caps but is not emitted as
  evidence of the disclosure (it says what is missing, not what is disclosed) unless it names a
  source ("licensed from X; cannot be redistributed" still describes X).
* Releases are read in more words than "release" (``downloadable``, "is on the Hub", "published
  in full at"); a promise (``future``: "we intend to release", "will be published") releases
  nothing. Sources are named by the dataset list or the way collections are named
  (``named_source``: "the Northern Sound Library", "a corpus we call X"). The reader's own data
  (``user_data``: "fine-tune it on your own images") and statements whose subject is the test
  sets (``eval_subject``) are not about the model's training data.
* No statement at all is level ``none``, unless the document as a whole defers to a paper
  (``reference`` cues outside sections about something else), which FACT_KINDS counts as vague.

Front-matter ``datasets`` names hub datasets; they count as described (the block does not say
they are the whole mixture), with the hub URLs recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openness.disclose import patterns
from openness.disclose.frontmatter import key_line
from openness.disclose.statements import Statement
from openness.model import Document

#: Levels from least to most disclosed.
LEVELS = ("none", "vague", "described", "released")
_HUB_DATASETS = "https://huggingface.co/datasets/"
#: Section topics whose pointers to a paper are not about the data.
_OTHER_TOPICS = frozenset({"evaluation", "usage", "license"})


@dataclass(frozen=True, kw_only=True)
class DataStatement:
    """A statement about the training data, or a front-matter ``datasets`` line, judged."""

    start: int
    end: int
    quote: str
    #: released, described or vague: what this statement alone shows.
    grade: str
    datasets: tuple[str, ...] = ()
    #: Links to where data is published (data hosts) or documented.
    urls: tuple[str, ...] = ()
    #: Says the data is a subset of a source without linking it.
    partial: bool = False
    #: Says the data is not published. It caps the level like ``partial`` but is not shown as
    #: evidence of the disclosure unless it names a source: it is a statement of what is missing.
    withheld: bool = False
    by_reference: bool = False
    #: Indices of the statements it covers (a statement plus its "This includes..." follow-up).
    members: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True, kw_only=True)
class DataDisclosure:
    level: str
    #: The statements behind the level, the decisive one first.
    statements: tuple[DataStatement, ...]


def context_topics(statement: Statement) -> tuple[frozenset[str], frozenset[str]]:
    """Topics of all enclosing headings, and of the innermost one (or the run-in label)."""
    every = frozenset().union(*(patterns.labels_in("sections", t) for t in statement.context))
    inner = patterns.labels_in("sections", statement.context[-1]) if statement.context else frozenset()
    return every, inner


def _about_training_data(statement: Statement, cues: frozenset[str], named: bool) -> bool:
    # A citation, a statement about code, the reader's own data ("fine-tune it on your own
    # images") or one whose subject is the test sets is not about the model's training data.
    if cues & {"bibliography", "code_subject", "user_data", "eval_subject"}:
        return False
    every, inner = context_topics(statement)
    hosted = bool(_hosted(statement.urls))
    if "data_noun" not in cues and not named and not hosted:
        if "not_training" in cues:
            return False
        if "partial" in cues and {"data", "training"} & inner:
            return True  # "a subset of X" under a training-data heading narrows the data down
        if "data" in inner and ("breakdown" in cues or "release" in cues or (
                cues & {"data_noun_weak", "quantity"} and statement.form in ("item", "row"))):
            return True  # "83% is source code...", "- 31,400 hours from ..." under "Data sources"
        # Weaker nouns ("image-text pairs", "examples") count only in a sentence about training.
        return "data_noun_weak" in cues and "training" in cues
    if "training" in cues:
        return True
    if "not_training" in cues:
        return False
    if "vague" in cues and "data_noun" in cues:
        # "A mix of publicly available data": how cards describe their training data, even
        # where the heading that says so is out of reach (an HTML table's header cell).
        return True
    if inner & {"evaluation", "usage"} and not inner & {"data", "training"}:
        return False
    if "data_noun" not in cues and not hosted:
        # Only a name: in running text it may name a method ("departs from CCNet"), so it
        # counts as a source in an enumeration (item, row) or under a training-data heading.
        return statement.form in ("item", "row") or {"data", "training"} <= inner
    return bool(every & {"data", "training"})


def _hosted(urls: tuple[str, ...]) -> tuple[str, ...]:
    hosts = patterns.load("hosts")
    return tuple(u for u in urls if any(h.regex.search(u) for h in hosts))


def judge(statement: Statement, index: int) -> DataStatement | None:
    """The statement judged as a training-data statement, ``None`` if it is not one."""
    cues = patterns.labels_in("training_data", statement.plain)
    datasets = patterns.all_labels("datasets", statement.plain) + _named_sources(statement)
    if not _about_training_data(statement, cues, bool(datasets)):
        return None
    hosted = _hosted(statement.urls)
    datasets += _named_after_training(statement.plain, datasets)
    documented = "documentation" in cues and bool(statement.urls)
    withheld = "withheld" in cues
    # "We intend to release it", "will be published": a promise is not a release.
    if (hosted or "release" in cues) and not cues & {"recipe", "withheld", "future"}:
        grade = "released"
    elif (datasets or documented or "breakdown" in cues or "release" in cues
          # a list or table of sources with their amounts names each source and quantifies it
          # ("publicly available data | 2.0T" names none)
          or ("quantity" in cues and not cues & {"vague", "not_training"}
              and statement.form in ("item", "row"))):
        grade = "described"
    else:
        grade = "vague"
    urls = hosted + (tuple(u for u in statement.urls if u not in hosted) if documented else ())
    return DataStatement(
        start=statement.start,
        end=statement.end,
        quote=statement.quote,
        grade=grade,
        datasets=datasets,
        urls=urls,
        partial=("partial" in cues or withheld) and not hosted,
        withheld=withheld and not hosted,
        by_reference="reference" in cues,
        members=(index,),
    )


def _named_sources(statement: Statement) -> tuple[str, ...]:
    """Collections a statement names the way sources are named ("the Northern Sound Library",
    "a corpus we call Quarry Stack") that the dataset list does not know. Under a heading about
    evaluation or usage such a name is a benchmark or an example, not a source."""
    every, inner = context_topics(statement)
    if every & {"evaluation", "usage"} and not inner & {"data", "training"}:
        return ()
    return tuple(name for name in patterns.captures("training_data", "named_source", statement.plain)
                 if not patterns.first_label("datasets", name))


def _named_after_training(plain: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """Proper names a statement says the model was trained on ("trained on the Vela Pile v1")
    that the dataset list does not know; generic words ("the Internet") are not names."""
    names = []
    for name in patterns.captures("training_data", "name_after", plain):
        if patterns.first_label("datasets", name) or name.lower() in (k.lower() for k in known):
            continue
        if "generic_source" in patterns.labels_in("training_data", name):
            continue
        names.append(name)
    return tuple(names)


def _with_followers(doc: Document, items: list[Statement], judged: DataStatement) -> DataStatement:
    """Extends a statement over the next sentences of its block that elaborate on it."""
    last = judged.members[-1]
    members = list(judged.members)
    while last + 1 < len(items):
        follower = items[last + 1]
        if follower.block != items[last].block or "anaphora" not in patterns.labels_in(
            "training_data", follower.plain
        ):
            break
        last += 1
        members.append(last)
    if len(members) == len(judged.members):
        return judged
    end = items[last].end
    return DataStatement(
        start=judged.start,
        end=end,
        quote=" ".join(items[i].quote for i in members),
        grade=judged.grade,
        datasets=judged.datasets,
        urls=judged.urls,
        partial=judged.partial,
        withheld=judged.withheld,
        by_reference=judged.by_reference,
        members=tuple(members),
    )


def _front_matter_datasets(doc: Document) -> DataStatement | None:
    line = key_line(doc, "datasets")
    if line is None or not line.value:
        return None
    names = line.value if isinstance(line.value, list) else [line.value]
    names = [str(n) for n in names if n]
    if not names:
        return None
    return DataStatement(
        start=line.start,
        end=line.end,
        quote=line.quote,
        grade="described",
        datasets=tuple(names),
        urls=tuple(_HUB_DATASETS + n for n in names if "/" in n),
    )


def _pointer(items: list[Statement]) -> DataStatement | None:
    """A pointer to a paper that stands for the document's content, if there is one."""
    for index, statement in enumerate(items):
        if "reference" not in patterns.labels_in("training_data", statement.plain):
            continue
        every, _ = context_topics(statement)
        if every & _OTHER_TOPICS:
            continue
        return DataStatement(
            start=statement.start,
            end=statement.end,
            quote=statement.quote,
            grade="vague",
            urls=statement.urls,
            by_reference=True,
            members=(index,),
        )
    return None


def training_data(doc: Document, items: list[Statement]) -> DataDisclosure:
    """The document's training-data disclosure, judged from its statements."""
    judged = _judged(doc, items)
    front = _front_matter_datasets(doc)
    if front is not None:
        judged.append(front)
    if not judged:
        pointer = _pointer(items)
        if pointer is None:
            return DataDisclosure(level="none", statements=())
        return DataDisclosure(level="vague", statements=(pointer,))
    level = max((s.grade for s in judged), key=LEVELS.index)
    if level == "released" and any(s.partial for s in judged):
        level = "described"
    # A source named and held back ("licensed from X; cannot be redistributed") still describes.
    shown = [s for s in judged if not s.withheld or s.datasets]
    if not shown:
        return DataDisclosure(level=level, statements=tuple(judged))
    decisive = [s for s in shown if s.grade == level] or [s for s in shown if s.partial]
    rest = [s for s in shown if s not in decisive]
    return DataDisclosure(level=level, statements=tuple(decisive + rest))


def _judged(doc: Document, items: list[Statement]) -> list[DataStatement]:
    """Each statement about the training data, judged, with the statements that follow it and
    belong to it (which are not judged again)."""
    judged: list[DataStatement] = []
    covered: set[int] = set()
    for index, statement in enumerate(items):
        if index in covered:
            continue
        result = judge(statement, index)
        if result is None:
            continue
        result = _with_followers(doc, items, result)
        covered.update(result.members)
        judged.append(result)
    return judged
