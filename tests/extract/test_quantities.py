"""Counts and money as licences write them: exact values, and None for whatever is ambiguous."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openness.extract.quantities import Money, Quantity, find_quantities, parse_count, parse_money
from openness.taxonomy import load_taxonomy

COUNTS = [
    ("700 million", 700_000_000),
    ("seven hundred and fifty million", 750_000_000),
    ("seven hundred fifty million", 750_000_000),
    ("250,000,000", 250_000_000),
    ("1.5 billion", 1_500_000_000),
    ("100M", 100_000_000),
    ("10k", 10_000),
    ("2bn", 2_000_000_000),
    ("1.25M", 1_250_000),
    ("5MM", 5_000_000),
    ("5mm", None),  # millimetres
    ("two hundred million (200,000,000)", 200_000_000),
    ("100,000,000 (one hundred million)", 100_000_000),
    ("ten (10)", 10),
    ("seventy-five million", 75_000_000),
    ("seventy five million", 75_000_000),
    ("one hundred million", 100_000_000),
    # A digit in place of the first word follows the same grammar: one value, so it is read.
    ("7 hundred million", 700_000_000),
    ("1,500 million", 1_500_000_000),
    ("0.7 billion", 700_000_000),
    ("1 billion", 1_000_000_000),
    ("twenty thousand", 20_000),
    ("a hundred million", 100_000_000),
    ("a million", 1_000_000),
    ("Seven Hundred Million", 700_000_000),
    ("SEVEN HUNDRED MILLION", 700_000_000),
    ("one million two hundred thousand and five", 1_200_005),
    ("fifteen hundred", 1_500),
    ("zero", 0),
    ("0", 0),
    ("1000000", 1_000_000),
    ("  700 million  ", 700_000_000),
    # A metric phrase after the number is allowed; it is not part of the value.
    ("700 million monthly active users", 700_000_000),
    # Ambiguous, inconsistent or malformed: rejected, never guessed.
    ("700 or 800 million", None),
    ("fifty million (60,000,000)", None),
    ("1,00,000", None),
    ("1,5 million", None),
    ("12,34", None),
    ("a few million", None),
    ("millions", None),
    ("million", None),
    ("hundred million", None),
    ("million million", None),
    ("one two", None),
    ("twenty twenty", None),
    ("one hundred and", None),
    ("one thousand million", None),
    ("1 million 200 thousand", None),
    ("1.5", None),
    ("1.0000001 million", None),
    ("1.000", None),  # a thousand in much of Europe, one in English
    ("007", None),  # a label, not a number
    ("50%", None),
    ("1e6", None),
    ("-5", None),
    ("$1 million", None),  # money, not a count
    ("", None),
]

MONEY = [
    ("USD 1M", Money(amount=1_000_000, currency="USD")),
    ("$1,000,000", Money(amount=1_000_000, currency="USD")),
    ("US$10 million", Money(amount=10_000_000, currency="USD")),
    ("US $1,000,000", Money(amount=1_000_000, currency="USD")),
    ("USD $1,000,000", Money(amount=1_000_000, currency="USD")),
    ("U.S. $5.00", Money(amount=5, currency="USD")),
    ("FIVE U.S. DOLLARS (US$5)", Money(amount=5, currency="USD")),
    ("fifty million euros (EUR 50,000,000)", Money(amount=50_000_000, currency="EUR")),
    ("€50,000,000", Money(amount=50_000_000, currency="EUR")),
    ("€ 50 million", Money(amount=50_000_000, currency="EUR")),
    ("EUR 50 million", Money(amount=50_000_000, currency="EUR")),
    ("50 million EUR", Money(amount=50_000_000, currency="EUR")),
    ("EUR50,000", Money(amount=50_000, currency="EUR")),
    ("£2m", Money(amount=2_000_000, currency="GBP")),
    ("£2 million pounds", Money(amount=2_000_000, currency="GBP")),
    ("10 million US dollars", Money(amount=10_000_000, currency="USD")),
    # "dollars" or "$" with no qualifier: USD, the usual reading in model licences.
    ("10 million dollars", Money(amount=10_000_000, currency="USD")),
    ("$10 million Canadian dollars", Money(amount=10_000_000, currency="CAD")),
    ("C$5 million", Money(amount=5_000_000, currency="CAD")),
    ("RMB 100 million", Money(amount=100_000_000, currency="CNY")),
    ("CNY 100 million", Money(amount=100_000_000, currency="CNY")),
    ("5 million yuan", Money(amount=5_000_000, currency="CNY")),
    ("one million (1,000,000) Chinese Yuan", Money(amount=1_000_000, currency="CNY")),
    ("¥1,000,000 (JPY 1,000,000)", Money(amount=1_000_000, currency="JPY")),
    ("100 yen", Money(amount=100, currency="JPY")),
    ("$1.5 billion", Money(amount=1_500_000_000, currency="USD")),
    ("USD 1,000,000.00", Money(amount=1_000_000, currency="USD")),
    ("$2.00", Money(amount=2, currency="USD")),
    ("¥1,000,000", None),  # JPY or CNY
    ("10 million pounds", None),  # GBP or EGP
    ("1 million", None),  # no currency
    ("$2.50", None),  # thresholds are whole
    ("£2 million (EUR 2,000,000)", None),
    ("$5 million (USD 6,000,000)", None),
    ("$1,00,000", None),
    ("$ million", None),
    ("USD", None),
    ("$7-15M", None),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS)
def test_parse_count(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(("text", "expected"), MONEY)
def test_parse_money(text: str, expected: Money | None) -> None:
    assert parse_money(text) == expected


def _found(text: str) -> list[tuple[str, int, str | None, str | None]]:
    """What was found, with the text each span covers, so a wrong offset shows as wrong text."""
    return [(text[q.start : q.end], q.value, q.currency, q.metric) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "If the products had greater than 700 million monthly active users in the preceding month",
            [("700 million", 700_000_000, None, "monthly_active_users")],
        ),
        ("services with fewer than 100M MAUs", [("100M", 100_000_000, None, "monthly_active_users")]),
        ("services below 1 million DAU", [("1 million", 1_000_000, None, "daily_active_users")]),
        ("up to 5,000 Customers", [("5,000", 5_000, None, "customers")]),
        (
            "entities with over $10 million in annual revenue or one million users",
            [("$10 million", 10_000_000, "USD", None), ("one million", 1_000_000, None, "users")],
        ),
        (
            "revenue of less than US $1,000,000 (or local currency equivalent)",
            [("US $1,000,000", 1_000_000, "USD", None)],
        ),
        (
            "liability will not exceed five U.S. dollars (US$5).",
            [("five U.S. dollars (US$5)", 5, "USD", None)],
        ),
        ("a 70 billion parameter model, Llama 3.1", [("70 billion", 70_000_000_000, None, None)]),
        (
            "€50 million (approximately $55 million)",
            [("€50 million", 50_000_000, "EUR", None), ("$55 million", 55_000_000, "USD", None)],
        ),
        # Both ends of a range whose first end borrows the second's scale are left out.
        ("between 700 or 800 million users", []),
        ("seven or eight million users", []),
        ("cost: $7-15M", []),
        ("between one and two million users", []),
        (
            "from 100 million to 200 million users",
            [("100 million", 100_000_000, None, None), ("200 million", 200_000_000, None, "users")],
        ),
        # Unreadable expressions are left out whole, not read in part.
        ("a threshold of 1,00,000 users", []),
        ("fifty million (60,000,000) users", []),
        ("revenue over ¥1,000,000 a year", []),
        ("fifty per cent of 10 users, 20% of them", [("10", 10, None, "users")]),
        # Versions, times, ratios, identifiers and shell variables are not quantities.
        ("version 1.2.3 at 10:30, 24/7, on H100 GPUs in $12B_DIR", []),
    ],
)
def test_find_quantities(text: str, expected: list[tuple[str, int, str | None, str | None]]) -> None:
    assert _found(text) == expected


def test_find_quantities_reports_the_metric_span() -> None:
    text = "more than 700 million monthly active users."
    [quantity] = find_quantities(text)
    assert quantity == Quantity(
        start=10, end=21, value=700_000_000, metric="monthly_active_users", metric_span=(22, 42)
    )
    assert quantity.span == (10, 21)
    assert text[22:42] == "monthly active users"


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "million " * 125_000,
        "1," * 500_000,
        "1." * 500_000,
        "one " * 250_000,
        "seventy-five " * 75_000,
        "$" * 1_000_000,
        "a " * 500_000,
        "USD " * 250_000,
        "1" * 500_000 + "x",
        "$" + " " * 1_000_000 + "x",
        "USD" + " " * 1_000_000 + "(",
        "(" + "one " * 250_000,
    ],
)
def test_adversarial_megabyte_lines_return(text: str) -> None:
    """One linear pass: these would take hours with a backtracking pattern. No timing asserted."""
    assert find_quantities(text) == []
    assert parse_count(text) is None
    assert parse_money(text) is None


def test_a_megabyte_of_dense_thresholds_is_read_whole() -> None:
    sentence = "Licensees with 700 million monthly active users or $1,000,000 in revenue. "
    text = sentence * (1_000_000 // len(sentence))
    found = find_quantities(text)
    assert len(found) == 2 * text.count(sentence)
    assert {(q.value, q.currency, q.metric) for q in found} == {
        (700_000_000, None, "monthly_active_users"),
        (1_000_000, "USD", None),
    }


def test_metrics_are_the_taxonomy_metrics() -> None:
    """The metric names in the data are the enum of restrict.user_threshold, not a copy that drifts."""
    data = json.loads(
        resources.files("openness.extract").joinpath("quantities_data", "metrics.json").read_text("utf-8")
    )
    allowed = set(load_taxonomy()["restrict.user_threshold"].attributes["metric"].values)
    assert set(data["phrases"].values()) | set(data["abbreviations"].values()) <= allowed


def test_currency_markers_name_iso_codes() -> None:
    data = json.loads(
        resources.files("openness.extract").joinpath("quantities_data", "currencies.json").read_text("utf-8")
    )
    for group in ("codes", "symbols", "names"):
        for marker, spec in data[group].items():
            codes = [spec] if isinstance(spec, str) else spec["candidates"]
            for code in codes:
                assert len(code) == 3 and code.isascii() and code.isupper(), (marker, code)
            if isinstance(spec, dict) and "default" in spec:
                assert spec["default"] in spec["candidates"], marker


# --- properties -------------------------------------------------------------------------------

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"), (1, ""))


def _below_thousand(n: int, *, hyphen: bool, conjunction: bool) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if hundreds and rest and conjunction:
        words.append("and")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else ""))
    elif rest:
        words.append(_ONES[rest])
    return " ".join(words)


def _to_words(n: int, *, hyphen: bool = True, conjunction: bool = False) -> str:
    """English words for 0 <= n < 10**12, the test's own independent spelling."""
    if n == 0:
        return "zero"
    parts = []
    for scale, name in _SCALES:
        group, n = divmod(n, scale)
        if group:
            words = _below_thousand(group, hyphen=hyphen, conjunction=conjunction)
            parts.append(f"{words} {name}" if name else words)
    return " ".join(parts)


def test_the_spelling_helper_spells() -> None:
    assert _to_words(750_000_000, conjunction=True) == "seven hundred and fifty million"
    assert _to_words(1_200_075) == "one million two hundred thousand seventy-five"
    assert _to_words(105, conjunction=True, hyphen=False) == "one hundred and five"


@given(
    st.integers(min_value=0, max_value=999_999_999_999),
    st.booleans(),
    st.booleans(),
    st.sampled_from([str.lower, str.title, str.upper]),
)
def test_number_words_round_trip(n: int, hyphen: bool, conjunction: bool, case) -> None:
    assert parse_count(case(_to_words(n, hyphen=hyphen, conjunction=conjunction))) == n


@given(st.integers(min_value=0, max_value=10**18))
def test_grouped_integers_round_trip(n: int) -> None:
    assert parse_count(f"{n:,}") == n
    assert parse_count(str(n)) == n
    assert parse_money(f"${n:,}") == Money(amount=n, currency="USD")
    assert parse_money(f"EUR {n:,}.00") == Money(amount=n, currency="EUR")


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_words_and_digits_restating_each_other_agree(n: int) -> None:
    assert parse_count(f"{_to_words(n)} ({n:,})") == n
    assert parse_count(f"{_to_words(n)} ({n + 1:,})") is None


_TOKENS = st.sampled_from(
    [
        "1", "700", "1,000", "1,00", "0.5", "1.5", ".", ",", "(", ")", "-", "%", "$", "US$", "€", "£",
        "¥", "USD", "EUR", "RMB", "k", "M", "bn", "a", "and", "or", "to", "one", "seventy", "five",
        "hundred", "thousand", "million", "billion", "dollars", "euros", "pounds", "yuan", "users",
        "monthly active users", "MAUs", "DAU", "customers", " ", "\u00a0", "x", "\n",
    ]
)
_SENTENCES = st.lists(_TOKENS, max_size=30).flatmap(
    lambda tokens: st.lists(st.sampled_from(["", " "]), min_size=len(tokens), max_size=len(tokens)).map(
        lambda gaps: "".join(g + t for g, t in zip(gaps, tokens))
    )
)


@given(st.one_of(st.text(), _SENTENCES))
def test_nothing_raises_on_arbitrary_text(text: str) -> None:
    found = find_quantities(text)
    assert all(isinstance(q, Quantity) for q in found)
    assert parse_count(text) is None or isinstance(parse_count(text), int)
    assert parse_money(text) is None or isinstance(parse_money(text), Money)


@given(_SENTENCES)
def test_every_span_found_reads_alone_as_its_value(text: str) -> None:
    for q in find_quantities(text):
        piece = text[q.start : q.end]
        if q.currency is None:
            assert parse_count(piece) == q.value, piece
        else:
            assert parse_money(piece) == Money(amount=q.value, currency=q.currency), piece
        assert q.start < q.end and piece == piece.strip()
