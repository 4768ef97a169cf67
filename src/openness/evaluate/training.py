"""Training data and training of the clause classifier (:mod:`openness.extract.classifier`).

Every unit of every licence in the project's own corpora (``corpora/expected.yaml`` and each
``corpora/*/expected.yaml``) is labelled from its answer key: 1 for a kind whose key quote the
unit holds, 0 for a kind the key says the document lacks and for a trap of a kind, and no label
(spaCy's missing value, which costs nothing in training) for a kind the document has elsewhere.
The real corpus is never trained on: it is others' text, and it stays the classifier's unseen
test.

    python -m openness.evaluate.training train --out src/openness/extract/data/classifier
    python -m openness.evaluate.training leave-out [--test ../shared/corpora/real]

``leave-out`` trains once per own corpus folder without it and reads that folder with the
result, as the extractor would on a licence it never saw; ``--test`` folders are read by a model
trained on every own folder. A sealed batch is left out of both with ``--leave-out FOLDER``.
Units come from the extractor's own pipeline, which loads the shipped model as it runs; its
review items play no part in the labels.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openness.evaluate.groundtruth import AUDITED_GROUPS, OWN_KEY, Entry, load_entries, read_key
from openness.evaluate.scoring import canonical

#: The model: bag of words and word pairs, hashed into this many rows. 2**15 keeps the shipped
#: weights at 3.3 MB; 2**18 (spaCy's default, 26 MB) flagged 14 of 41 left-out misses against 12,
#: and the same 8 of 26 on a sealed batch (docs/evaluation.md).
_MODEL = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
          "no_output_layer": False, "length": 32768}
_EPOCHS = 10
_BATCH = 32
_DROPOUT = 0.2
#: Words in common that make a unit and a key quote the same clause when neither holds the other
#: (a quote cut across a unit boundary).
_SHARED_RUN = 8


@dataclass(frozen=True, kw_only=True)
class LabelledUnit:
    """A unit's tokens and its labels: kind -> 1.0 or 0.0; a kind not listed is unknown."""

    words: tuple[str, ...]
    labels: dict[str, float]


def own_folders(corpora: Path) -> dict[str, Path]:
    """Each folder of ``corpora`` with an answer key, by name (``corpora`` itself as ".")."""
    folders = {".": corpora} if (corpora / OWN_KEY).is_file() else {}
    folders.update({p.name: p for p in sorted(corpora.iterdir()) if (p / OWN_KEY).is_file()})
    return folders


def _holds(unit: str, quote: str) -> bool:
    if not unit or not quote:
        return False
    if quote in unit or unit in quote:
        return True
    words = quote.split()
    runs = (" ".join(words[i:i + _SHARED_RUN]) for i in range(max(1, len(words) - _SHARED_RUN + 1)))
    return len(unit.split()) >= 4 and any(run in unit for run in runs)


def _traps(root: Path) -> dict[str, list[tuple[str, str]]]:
    if not (root / OWN_KEY).is_file():
        return {}
    key = read_key(root / OWN_KEY)
    return {doc["file"]: [(trap["kind"], trap.get("quote") or "") for trap in doc.get("traps") or ()]
            for doc in key.get("documents", [])}


@dataclass(frozen=True, kw_only=True)
class ReadLicence:
    """One audited licence as the extractor read it: its key entry, the analysed view of its
    text and the spaCy Doc with units and the rules' hits."""

    entry: Entry
    view: Any
    sdoc: Any
    traps: tuple[tuple[str, str], ...]


def read_folder(root: Path) -> list[ReadLicence]:
    """Every audited licence under ``root``, read once for both the labels and the figures."""
    from openness.extract.findings import read_clauses
    from openness.ingest import load

    traps = _traps(root)
    out = []
    for entry in load_entries(root):
        view, sdoc = read_clauses(load(root / entry.file))
        out.append(ReadLicence(entry=entry, view=view, sdoc=sdoc, traps=tuple(traps.get(entry.file, ()))))
    return out


def labelled_units(folder: list[ReadLicence]) -> list[LabelledUnit]:
    """The units of every licence of ``folder``, labelled from its key."""
    from openness.extract.classifier import unit_words
    from openness.extract.units import UNITS_KEY

    out = []
    for licence in folder:
        entry = licence.entry
        for unit in licence.sdoc.user_data[UNITS_KEY]:
            said = canonical(licence.view.text[unit.start_char:unit.end_char])
            labels: dict[str, float] = dict.fromkeys(entry.absent, 0.0)
            for kind, quote in licence.traps:
                if kind not in entry.present and _holds(said, canonical(quote)):
                    labels[kind] = 0.0
            quoted = {f.kind for f in entry.facts if f.quote and _holds(said, canonical(f.quote))}
            labels.update(dict.fromkeys(quoted, 1.0))
            words = tuple(t.text for t in unit_words(licence.sdoc, unit))
            out.append(LabelledUnit(words=words, labels=labels))
    return out


def train(units: list[LabelledUnit], kinds: list[str], *, seed: int = 0) -> Any:
    """A blank English pipeline holding one ``textcat_multilabel`` trained on ``units``."""
    import spacy
    from spacy.training import Example

    from openness.extract.classifier import unit_doc

    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": _MODEL})
    for kind in kinds:
        textcat.add_label(kind)
    examples = [Example.from_dict(unit_doc(nlp.vocab, u.words), {"cats": u.labels}) for u in units]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(_EPOCHS):
        rng.shuffle(examples)
        for start in range(0, len(examples), _BATCH):
            nlp.update(examples[start:start + _BATCH], sgd=optimizer, drop=_DROPOUT)
    return nlp


@dataclass
class Figures:
    """What a model flags in one folder, against its key."""

    documents: int = 0
    #: restrict.*/require.* kinds of the key the rules found nowhere in their document.
    missed: int = 0
    #: Of those, the ones a classifier review item names on a unit holding the kind's key quote.
    caught: int = 0
    #: Review items the classifier adds, and the most in one document.
    items: int = 0
    most: int = 0


def read_with(model: Any, folder: list[ReadLicence], *, threshold: float) -> Figures:
    """What ``model`` would flag in the licences of ``folder``, against their key."""
    from openness.extract.classifier import CLASSIFIED, FLAGGED, ClauseClassifier
    from openness.extract.rules import HITS_KEY

    reader = ClauseClassifier(model, threshold=threshold)
    figures = Figures()
    for licence in folder:
        entry, sdoc = licence.entry, licence.sdoc
        hits = [h for h in sdoc.user_data[HITS_KEY] if h.rule is not CLASSIFIED]
        found = {h.rule.kind for h in hits}
        missed = {k for k in entry.present - found if k.startswith(tuple(FLAGGED))}
        flagged = reader.flag(sdoc, hits)
        caught = set()
        for hit in flagged:
            said = canonical(licence.view.text[hit.unit.start_char:hit.unit.end_char])
            caught |= {f.kind for f in entry.facts
                       if f.kind in missed and f.kind in hit.attributes["candidates"]
                       and f.quote and _holds(said, canonical(f.quote))}
        figures.documents += 1
        figures.missed += len(missed)
        figures.caught += len(caught)
        figures.items += len(flagged)
        figures.most = max(figures.most, len(flagged))
    return figures


def _kinds() -> list[str]:
    from openness.taxonomy import load_taxonomy

    return [k for k, kind in load_taxonomy().kinds.items() if kind.group in AUDITED_GROUPS]


def _row(name: str, f: Figures) -> str:
    return (f"| {name} | {f.documents} | {f.missed} | {f.caught} | {f.items} | {f.most} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m openness.evaluate.training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path("corpora"), help="the own corpora (default: corpora)")
    parser.add_argument("--leave-out", action="append", default=[], metavar="FOLDER",
                        help="an own folder not to train on (a sealed batch); repeatable")
    parser.add_argument("--threshold", type=float, help="default: the one pipeline.cfg sets")
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("train", help="train on the own corpora and write the model")
    make.add_argument("--out", type=Path, required=True, help="a folder that does not exist yet")
    check = sub.add_parser("leave-out", help="figures on each own folder left out of training")
    check.add_argument("--test", type=Path, action="append", default=[], help="a folder read by the model trained on all")
    args = parser.parse_args(argv)

    if args.command == "train" and args.out.exists():
        print(f"{args.out}: already exists; give a new folder (nothing is overwritten)", file=sys.stderr)
        return 2
    if args.threshold is None:
        from openness.extract.pipeline import load_pipeline

        args.threshold = load_pipeline().get_pipe("openness_classifier").threshold
    folders = {n: p for n, p in own_folders(args.corpora).items() if n not in args.leave_out}
    read = {name: read_folder(root) for name, root in folders.items()}
    units = {name: labelled_units(folder) for name, folder in read.items()}
    kinds = _kinds()
    if args.command == "train":
        train([u for us in units.values() for u in us], kinds).to_disk(args.out)
        print(f"trained on {sum(map(len, units.values()))} units of {', '.join(folders)}; written to {args.out}")
        return 0
    print("| folder | documents | restrict/require kinds the rules missed | flagged on their clause | "
          "classifier review items | most in one document |")
    print("|---|---|---|---|---|---|")
    for name, folder in read.items():
        model = train([u for other, us in units.items() if other != name for u in us], kinds)
        print(_row(name, read_with(model, folder, threshold=args.threshold)), flush=True)
    if args.test:
        model = train([u for us in units.values() for u in us], kinds)
        for root in args.test:
            figures = read_with(model, read_folder(root), threshold=args.threshold)
            print(_row(f"{root} (trained on all)", figures), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
