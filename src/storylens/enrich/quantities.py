"""Numbers as news writes them -> values: "ten", "3,200", "1.2 million", "$100 million",
"half a million", "a dozen", "6.1%". Currencies -> ISO codes."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
    "dozen": 12,
    "dozens": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
_FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
    "third": 1 / 3,
    "thirds": 1 / 3,
}
CURRENCY_SYMBOLS = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₺": "TRY",
    "₩": "KRW",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "lira": "TRY",
    "won": "KRW",
    "francs": "CHF",
    "franc": "CHF",
}
_PREFIXED = {"us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "r$": "BRL"}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+\$|[^\W\d_]+|[$€£¥₹₽₺₩%]", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when there is no number in it.

    >>> parse_number("1.2 million"), parse_number("3,200"), parse_number("ten")
    (1200000.0, 3200.0, 10.0)
    >>> parse_number("$100 million"), parse_number("half a million")
    (100000000.0, 500000.0)
    >>> parse_number("6-10 inches")  # a range: its first number (the comparison reads both)
    6.0
    """
    total = 0.0
    current: float | None = None
    seen = False
    article = False  # "a"/"an": one, unless a number follows ("an additional 30" is 30)
    joined = False  # "and" after a number: a fraction then adds ("three and a half")
    figures = False  # a number in figures was read: another is a second number
    for raw in _TOKEN.findall(text.casefold()):
        word = raw.rstrip(".")
        if word in ("a", "an"):
            article = article or not seen
            continue
        if word == "and":
            joined = current is not None
            continue
        if word in ("in", "out") and current is not None:
            return None  # "one in five", "three out of four": a proportion, not a count
        if word[0].isdigit():
            if joined or figures:
                break  # "5 and 6", "6-10": two numbers, the first is the phrase's
            figures = True
            current = (current or 0.0) + _digits(word)
            seen = True
        elif word in _FRACTIONS:
            if joined and current is not None:
                current += _FRACTIONS[word]
            else:
                current = (current or 1.0) * _FRACTIONS[word]
            seen = True
        elif word in _UNITS:
            if word in ("dozen", "dozens"):
                current = (current or 1.0) * 12
            else:
                current = (current or 0.0) + _UNITS[word]
            seen = True
        elif word in _SCALES:
            scale = _SCALES[word]
            base = current if current is not None else 1.0
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = None
            seen = True
    if not seen:
        return 1.0 if article else None  # "a week"
    return total + (current or 0.0)


def _digits(word: str) -> float:
    # "3,200" and "1,200,000" are thousands; "3,5" (a European decimal) is rare in English news
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", word):
        return float(word.replace(",", ""))
    return float(word.replace(",", "."))


def currency_of(text: str) -> str | None:
    """ISO code of the currency a money phrase names ("$100 million" -> "USD")."""
    folded = text.casefold()
    for prefix, code in _PREFIXED.items():
        if prefix in folded:
            return code
    for symbol, code in CURRENCY_SYMBOLS.items():
        if symbol in text:
            return code
    for word in re.findall(r"[^\W\d_]+", folded):
        if word in CURRENCY_WORDS:
            return CURRENCY_WORDS[word]
    return None
