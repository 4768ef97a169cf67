"""Counts and amounts of money as licences write them, read into integers and ISO 4217 codes.

Thresholds decide verdicts ("more than 700 million monthly active users"), so a misread number is
worse than none. Whatever is ambiguous reads as ``None``: a range ("700 or 800 million"), a yen
sign without a code, a restatement in brackets that disagrees with the number before it, a
malformed digit grouping ("1,00,000"), a European-looking "1.000", a fraction of a unit of
currency. Every accepted form has exactly one value.

The number words, currency markers and metric phrases are data in ``quantities_data/``; this
module turns them into one compiled pattern, written with possessive quantifiers so that a scan
is a single linear pass even over a megabyte of adversarial text.

Choices worth knowing:

* ``$`` and "dollars" with no qualifier read as USD, the usual reading in model licences; a
  qualifier that names another dollar ("C$", "Canadian dollars") wins.
* ``¥`` and "pounds" are read only when a code or a qualified name in the same expression settles
  them ("¥1,000,000 (JPY 1,000,000)", "£2 million pounds").
* A digit number may be followed by scale words as in English: "700 million", "1,500 million",
  "7 hundred million" (700,000,000). "thousand million" is not accepted.
* Decimals are accepted when the value is whole: "1.5 billion", "USD 1,000,000.00"; "$2.50" and
  "1.5" are not. Integers with a leading zero ("007") are read as labels, not numbers.
* Number words are read in lower, Title or UPPER case ("FIVE U.S. DOLLARS"), not mixed.
* :func:`find_quantities` reports every readable number, bare ones too ("Llama 3", a clause
  number): which of them is a threshold is the caller's call, helped by ``metric``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Money", "Quantity", "find_quantities", "parse_count", "parse_money"]

#: Longest digit string read as a number; longer runs are identifiers or noise.
_MAX_DIGITS = 24
#: Longest number text parsed; the longest well-formed number in words below a trillion is
#: about 130 characters.
_MAX_NUMBER_CHARS = 300
#: Characters that make an adjacent run of digits part of something else (a version, a ratio,
#: a time, an identifier) rather than a quantity.
_DIGIT_GLUE = ".,/:"


@dataclass(frozen=True, kw_only=True)
class Money:
    """A whole amount in major units (dollars, not cents) and its ISO 4217 code."""

    #: Whole major units: licence thresholds are never fractional.
    amount: int
    #: ISO 4217 code, e.g. ``USD``.
    currency: str


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A count or an amount of money found in a sentence, with where it was found."""

    #: Character offsets of the whole expression, currency and bracketed restatement included.
    start: int
    end: int
    value: int
    #: ISO 4217 code for money; ``None`` for a count.
    currency: str | None = None
    #: What a count counts (``monthly_active_users`` ...) when a known phrase follows it.
    metric: str | None = None
    #: Character offsets of the metric phrase, when there is one.
    metric_span: tuple[int, int] | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, kw_only=True)
class _Marker:
    """What one currency marker can stand for."""

    candidates: frozenset[str]
    #: The reading when nothing else in the expression narrows the candidates down.
    default: str | None = None


@dataclass(frozen=True, kw_only=True)
class _Reading:
    value: int
    currency: str | None
    #: The number carries a scale word or suffix ("800 million"), so a bare number joined to it
    #: ("700 or 800 million") may share the scale: that pair is ambiguous.
    scaled: bool


@dataclass(frozen=True, kw_only=True)
class _Lexicon:
    pattern: re.Pattern[str]
    marker: re.Pattern[str]
    number_token: re.Pattern[str]
    zero: str
    small: dict[str, int]
    tens: dict[str, int]
    hundred: str
    scales: dict[str, int]
    articles: frozenset[str]
    conjunction: str
    suffixes: dict[str, int]
    codes: dict[str, _Marker]
    symbols: dict[str, _Marker]
    names: dict[str, _Marker]
    metrics: dict[str, str]
    abbreviations: dict[str, str]


def _load(name: str) -> dict[str, Any]:
    data = resources.files("openness.extract").joinpath("quantities_data", name).read_text("utf-8")
    return json.loads(data)


def _marker(spec: str | dict[str, Any]) -> _Marker:
    if isinstance(spec, str):
        return _Marker(candidates=frozenset([spec]))
    return _Marker(candidates=frozenset(spec["candidates"]), default=spec.get("default"))


def _alternation(regexes: list[str]) -> str:
    """Longest first, so that "monthly active users" wins over "users" at the same place."""
    return "|".join(sorted(set(regexes), key=lambda r: (-len(r), r)))


def _literals(words: Iterable[str]) -> str:
    """An alternation of literal strings factored by common prefix (``s(?:even(?:t(?:een|y))?|ix)``),
    longest first: a failed attempt then costs a comparison per letter instead of one per word,
    which is most of the cost of scanning a document."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, Any]) -> str:
    arms = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not arms:
        return ""
    if "" in node:
        return f"(?:{'|'.join(arms)})?"
    return arms[0] if len(arms) == 1 else f"(?:{'|'.join(arms)})"


def _cased(words: list[str]) -> str:
    """``seven``, ``Seven`` and ``SEVEN``: spelled-out cases, without the cost of a case-insensitive
    scan (which slows a pass over a document several times)."""
    return _literals(v for w in words for v in (w, w.capitalize(), w.upper()))


def _words_regex(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _symbol_regex(symbol: str) -> str:
    """``US$`` also as ``US $``: spacing inside a symbol varies between documents."""
    return r"\s?".join(re.escape(ch) for ch in symbol if not ch.isspace())


def _compact(symbol: str) -> str:
    return "".join(symbol.split())


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def _expression(numbers: dict[str, Any], currencies: dict[str, Any], metrics: dict[str, Any]) -> str:
    """The one pattern for a whole expression: [marks] number [marks] [(restatement)] [marks]
    [metric]. Every repetition is possessive and every optional part follows something that
    must match, so a failed attempt never retries a long run in pieces."""
    number_words = [numbers["zero"], numbers["hundred"], *numbers["units"], *numbers["teens"]]
    number_words += [*numbers["tens"], *numbers["scales"]]
    scale_word = rf"(?:{_cased([numbers['hundred'], *numbers['scales']])})(?!\w)"
    word = rf"\b(?:{_cased(number_words)})(?!\w)"
    article = rf"\b(?:{_cased(numbers['articles'])})\s++(?={scale_word})"
    separator = rf"(?:\s*+[-\u2010\u2011]\s*+|\s++(?:(?:{_cased([numbers['conjunction']])})\s++)?)"
    suffix = _literals(numbers["suffixes"])
    glue = re.escape(_DIGIT_GLUE)
    digits = (
        rf"[0-9]++(?:,[0-9]++)*+(?:\.[0-9]++)?+(?![{glue}][0-9])"
        rf"(?:(?:{suffix})(?!\w)|(?!\w)(?:\s++{scale_word})*+)"
    )
    number = rf"(?:{digits}|(?:{article})?{word}(?:{separator}{word})*+)"

    codes, symbols = currencies["codes"], currencies["symbols"]
    mark = rf"(?:{_code(currencies)}|{_symbol(currencies)})"
    before = rf"{mark}(?:\s*+{mark})?+\s*+"
    after = _after(currencies)
    metric = (
        rf"(?:(?i:{_alternation([_words_regex(p) for p in metrics['phrases']])})"
        rf"|{_alternation([re.escape(a) for a in metrics['abbreviations']])})(?!\w)"
    )
    # A number glued to a currency sign it does not follow as a prefix ("ABC$5") is not read.
    sign_chars = {ch for s in symbols for ch in s if not ch.isalpha() and ch not in ". "}
    signs = re.escape("".join(sorted(sign_chars)))
    # Where an expression can begin, tested first: a scan then skips most characters in one step.
    starts = {c for w in [*number_words, *numbers["articles"]] for c in (w[0].lower(), w[0].upper())}
    starts |= {s[0] for s in [*codes, *symbols]} | set("0123456789")
    return (
        rf"(?=[{re.escape(''.join(sorted(starts)))}])"
        rf"(?P<expr>(?:(?<![\w{signs}])(?P<pre>{before})|(?<![\w{glue}{signs}]))(?P<num>{number})"
        rf"(?:\s*+(?P<post>{after}))?"
        rf"(?:\s*+\(\s*+(?P<ppre>{before})?(?P<pnum>{number})(?:\s*+(?P<ppost>{after}))?\s*+\))?"
        rf"(?:\s*+(?P<post2>{after}))?)"
        rf"(?:\s++(?P<metric>{metric}))?"
    )


def _code(currencies: dict[str, Any]) -> str:
    return rf"(?:{_literals(currencies['codes'])})(?![A-Za-z])"


def _symbol(currencies: dict[str, Any]) -> str:
    return rf"(?:{_alternation([_symbol_regex(s) for s in currencies['symbols']])})"


def _after(currencies: dict[str, Any]) -> str:
    """A currency mark after a number: a code, a symbol or a name ("50 million euros")."""
    name = rf"(?i:{_alternation([_words_regex(n) for n in currencies['names']])})(?!\w)"
    return rf"(?:{_code(currencies)}|{name}|{_symbol(currencies)})"


@cache
def _lexicon() -> _Lexicon:
    """The number words, currencies and metrics of the data files, compiled once per process."""
    numbers = _load("numbers.json")
    currencies = _load("currencies.json")
    metrics = _load("metrics.json")
    suffix = _literals(numbers["suffixes"])
    return _Lexicon(
        pattern=re.compile(_expression(numbers, currencies, metrics)),
        marker=re.compile(_after(currencies)),
        number_token=re.compile(
            rf"(?P<whole>[0-9][0-9,]*)(?:\.(?P<fraction>[0-9]+))?(?P<suffix>{suffix})?(?![\w.])"
            r"|(?P<word>[^\W\d_]+)"
        ),
        zero=numbers["zero"],
        small={**numbers["units"], **numbers["teens"]},
        tens=dict(numbers["tens"]),
        hundred=numbers["hundred"],
        scales=dict(numbers["scales"]),
        articles=frozenset(numbers["articles"]),
        conjunction=numbers["conjunction"],
        suffixes=dict(numbers["suffixes"]),
        codes={code: _marker(spec) for code, spec in currencies["codes"].items()},
        symbols={_compact(s): _marker(spec) for s, spec in currencies["symbols"].items()},
        names={_name_key(n): _marker(spec) for n, spec in currencies["names"].items()},
        metrics={_name_key(p): m for p, m in metrics["phrases"].items()},
        abbreviations=dict(metrics["abbreviations"]),
    )


def _digit_value(whole: str, fraction: str) -> int | Fraction | None:
    """The value of ``1,000,000.00``, or None for a malformed grouping or an identifier.

    Exact arithmetic, so that "1.5 billion" is 1500000000 and "$2.50" is seen to be fractional;
    a plain int when there is no decimal point, which is most numbers and much faster."""
    groups = whole.split(",")
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    if (len(digits) > 1 and digits[0] == "0") or len(digits) + len(fraction) > _MAX_DIGITS:
        return None
    if not fraction:
        return int(digits)
    return Fraction(int(digits + fraction), 10 ** len(fraction))


def _small(lex: _Lexicon, words: list[str], i: int) -> tuple[int, int] | None:
    """1 to 99 at ``words[i]``: "seven", "fifteen", "seventy five"."""
    if words[i] in lex.small:
        return lex.small[words[i]], i + 1
    if words[i] in lex.tens:
        value = lex.tens[words[i]]
        if i + 1 < len(words) and words[i + 1] in lex.small and lex.small[words[i + 1]] < 10:
            return value + lex.small[words[i + 1]], i + 2
        return value, i + 1
    return None


def _group(lex: _Lexicon, words: list[str], i: int) -> tuple[int, int] | None:
    """The number before a scale word: "seven hundred and fifty", "a hundred", "a" (million)."""
    n = len(words)
    if i == 0 and words[0] in lex.articles:
        if n > 1 and words[1] in lex.scales:
            return 1, 1
        if n < 2 or words[1] != lex.hundred:
            return None
        value, i = 100, 2
    else:
        small = _small(lex, words, i)
        if small is None:
            return None
        value, i = small
        if i == n or words[i] != lex.hundred:
            return value, i
        value, i = value * 100, i + 1
    after_and = i + 1 if i < n and words[i] == lex.conjunction else i
    rest = _small(lex, words, after_and) if after_and < n else None
    if rest is not None:
        return value + rest[0], rest[1]
    return value, i


def _words_value(lex: _Lexicon, words: list[str]) -> int | None:
    """A number in words, with each scale smaller than the one before ("one million two thousand")."""
    if words == [lex.zero]:
        return 0
    total, last_scale, i, n = 0, 0, 0, len(words)
    while i < n:
        if i > 0 and words[i] == lex.conjunction:
            i += 1
            if i == n:
                return None
        group = _group(lex, words, i)
        if group is None:
            return None
        value, i = group
        if i < n and words[i] in lex.scales:
            scale = lex.scales[words[i]]
            if last_scale and scale >= last_scale:
                return None
            total, last_scale, i = total + value * scale, scale, i + 1
        elif i == n and (not last_scale or value < last_scale):
            total += value
        else:
            return None
    return total


def _number(lex: _Lexicon, text: str) -> tuple[int | Fraction, bool] | None:
    """The value of a number in digits or words, and whether it carries a scale."""
    if len(text) > _MAX_NUMBER_CHARS:
        return None
    tokens = list(lex.number_token.finditer(text))
    if not tokens:
        return None
    words = [t["word"].lower() for t in tokens[1:] if t["word"]]
    if len(words) != len(tokens) - 1:
        return None
    first = tokens[0]
    if first["word"]:
        words.insert(0, first["word"].lower())
        value = _words_value(lex, words)
        scaled = any(w == lex.hundred or w in lex.scales for w in words)
        return (value, scaled) if value is not None else None
    return _digits(lex, first, words)


def _digits(lex: _Lexicon, first: re.Match[str], words: list[str]) -> tuple[int | Fraction, bool] | None:
    """A number in digits (``first``), with a suffix (``40M``) or the scale words after it."""
    fraction = first["fraction"] or ""
    number = _digit_value(first["whole"], fraction)
    if number is None:
        return None
    if first["suffix"]:
        return (number * lex.suffixes[first["suffix"]], True) if not words else None
    if not words and len(fraction) == 3 and "," not in first["whole"]:
        return None  # "1.000" is a thousand in much of Europe and one in English
    scaled = bool(words)
    if words[:1] == [lex.hundred]:
        if number.denominator != 1 or not 1 <= number <= 99:
            return None
        number, words = number * 100, words[1:]
    if words:
        if len(words) > 1 or words[0] not in lex.scales:
            return None
        number *= lex.scales[words[0]]
    return number, scaled


def _markers(lex: _Lexicon, match: re.Match[str]) -> list[_Marker]:
    found = []
    for group in ("pre", "post", "ppre", "ppost", "post2"):
        text = match[group]
        if not text:
            continue
        for mark in lex.marker.finditer(text):
            token = mark.group(0)
            found.append(
                lex.codes.get(token) or lex.symbols.get(_compact(token)) or lex.names[_name_key(token)]
            )
    return found


def _currency(markers: list[_Marker]) -> str | None:
    """The one code all markers agree on, or None when they disagree or leave it open."""
    common = frozenset.intersection(*(m.candidates for m in markers))
    if len(common) == 1:
        return next(iter(common))
    defaults = {m.default for m in markers if m.default}
    if len(defaults) == 1 and (default := defaults.pop()) in common:
        return default
    return None


def _read(lex: _Lexicon, match: re.Match[str]) -> _Reading | None:
    main = _number(lex, match["num"])
    if main is None:
        return None
    value, scaled = main
    if match["pnum"] is not None:
        restated = _number(lex, match["pnum"])
        if restated is None or restated[0] != value:
            return None
    if value.denominator != 1:
        return None
    markers = _markers(lex, match)
    currency = _currency(markers) if markers else None
    if markers and currency is None:
        return None
    return _Reading(value=int(value), currency=currency, scaled=scaled)


def _metric(lex: _Lexicon, text: str) -> str:
    return lex.abbreviations.get(text) or lex.metrics[_name_key(text)]


def _whole(text: str) -> _Reading | None:
    lex = _lexicon()
    match = lex.pattern.fullmatch(text.strip())
    return _read(lex, match) if match else None


def parse_count(text: str) -> int | None:
    """The integer that ``text`` states ("seven hundred and fifty million"), a metric phrase
    after it allowed; None when the text is anything else, money included."""
    reading = _whole(text)
    return reading.value if reading is not None and reading.currency is None else None


def parse_money(text: str) -> Money | None:
    """The whole amount and currency that ``text`` states ("US$10 million"); None without a
    currency that the text settles, for a fraction of a unit, or for anything else."""
    reading = _whole(text)
    if reading is None or reading.currency is None:
        return None
    return Money(amount=reading.value, currency=reading.currency)


_PERCENT = re.compile(r"\s?(?:%|(?i:per\s?cent)(?!\w))")
_RANGE = re.compile(r"\s*(?:(?i:or|to|and|through)|[-\u2010\u2011\u2012\u2013\u2014])\s*")


def find_quantities(text: str) -> list[Quantity]:
    """Every count and amount of money in ``text``, in order, with character offsets.

    Expressions that cannot be read (see the module docstring) are left out rather than read
    partly, and so are percentages and both ends of a range whose first end borrows the scale
    of the second ("700 or 800 million").
    """
    lex = _lexicon()
    found: list[tuple[Quantity, bool]] = []
    for match in lex.pattern.finditer(text):
        reading = _read(lex, match)
        if reading is None:
            continue
        start, end = match.span("expr")
        if reading.currency is None and _PERCENT.match(text, end):
            continue
        metric = match["metric"] if reading.currency is None else None
        quantity = Quantity(
            start=start,
            end=end,
            value=reading.value,
            currency=reading.currency,
            metric=_metric(lex, metric) if metric else None,
            metric_span=match.span("metric") if metric else None,
        )
        found.append((quantity, reading.scaled))
    ambiguous: set[int] = set()
    for i, ((first, first_scaled), (second, second_scaled)) in enumerate(zip(found, found[1:])):
        if (
            not first_scaled
            and second_scaled
            and first.metric is None
            and _RANGE.fullmatch(text, first.end, second.start)
        ):
            ambiguous.update((i, i + 1))
    return [q for i, (q, _) in enumerate(found) if i not in ambiguous]
