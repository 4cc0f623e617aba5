"""Spelling variants of one name across the reports of an event: ``conflict:name``.

"Antony Blinken" / "Anthony Blinken", "Georg Solti" / "George Solti", "Hilary" / "Hillary".
Two name mentions of different sources are variants when they have the same words but one, and
that one differs by a single edit (insert, delete, substitute, swap of neighbours), or by two in
a long word. Precision first, so these are not variants:

- short words (a one-letter change in "Iran" makes "Iraq"), case or accent differences only;
- a word and its plural, possessive or demonym ("Nigeria" / "Nigerian"), or two words of one
  stem ("Democratic" / "Democrats");
- two edits apart with different first letters ("Americans" / "Mexicans");
- one word against the last word of a name that is neither a person's nor a name after common
  nouns ("Politico" / "HuffPost Politics"; but "Hillary" / "Hurricane Hilary" is compared);
- a name and its short form ("Jenni" / "Jennifer": the longer one goes on for 2+ letters);
- a pair both reports use in both spellings (then neither source differs from the other).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storylens.compare.data import Report
from storylens.compare.facts import PLACE_LABELS
from storylens.compare.model import CONFLICT_PREFIX, Relation, Side
from storylens.compare.words import STOP_WORDS, fold, word_spans
from storylens.model import Span

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
MIN_WORD = 4  # a differing word must be this long when other words of the name match
MIN_SINGLE = 5  # ... and this long when the name is one word
MAX_SIDES_PER_REPORT = 5  # every use of a spelling is cited, up to this many per report
_SUFFIXES = ("s", "'s", "’s", "es", "n", "an", "ian", "ese", "i")
# endings of one stem's other words: "Democratic" / "Democrats", "Buddhism" / "Buddhists"
_ENDINGS = frozenset(
    "s es ic ics ical ian ians an ans ese ish ism ist ists ite ites al".split()
) | {""}
MIN_STEM = 4
_PERSONS = frozenset({"PERSON", "NAME"})  # NAME: a run of capitalised words the tagger missed


@dataclass(frozen=True, slots=True)
class _Form:
    words: tuple[str, ...]
    report: int
    span: Span
    label: str


def _fold(word: str) -> str:
    return fold(word)


# British and American spellings of one word are no conflict: "Defence" / "Defense"
_SPELLINGS = (("ence", "ense"), ("our", "or"), ("tre", "ter"), ("ise", "ize"), ("yse", "yze"),
              ("lled", "led"), ("lling", "ling"), ("amme", "am"), ("ogue", "og"))  # fmt: skip


def _regional(a: str, b: str) -> bool:
    def norm(w: str) -> str:
        for uk, us in _SPELLINGS:
            w = w.replace(uk, us)
        return w

    return norm(a) == norm(b)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (adjacent swaps count one), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def word_variants(
    a: str, b: str, *, single: bool, demonym_ok: bool = True, rest_matches: bool = False
) -> bool:
    """Whether two capitalised words are spelling variants of each other (see module doc).
    ``rest_matches``: the other words of the two names are the same ("Jonah Akers" / "Jonah
    Acres"), so a five-letter word may differ by two edits."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb or _regional(fa, fb) or not (a[:1].isupper() and b[:1].isupper()):
        return False
    if not (a.replace("-", "").isalpha() and b.replace("-", "").isalpha()):
        return False
    shorter, longer = sorted((fa, fb), key=len)
    if len(shorter) < (MIN_SINGLE if single else MIN_WORD):
        return False
    if longer.startswith(shorter):
        extra = longer[len(shorter) :]
        demonym = extra in _SUFFIXES and (single or not demonym_ok)  # "Veloria" / "Velorian"
        if len(extra) >= 2 or demonym or extra == "s":
            return False
    if longer.endswith(("s", "'s", "’s")) and longer.rstrip("s'’") == shorter.rstrip("s'’"):
        return False
    if _other_word_of_one_stem(fa, fb):
        return False
    # two edits in a long word, or in a five-letter one when the rest of the name matches, and
    # always with the same first letter ("Akers" / "Acres", not "North" / "South", not
    # "Americans" / "Mexicans")
    rest_ok = rest_matches and len(shorter) >= 5
    allowed = 2 if (len(shorter) >= 8 or rest_ok) and fa[0] == fb[0] else 1
    return edit_distance(fa, fb) <= allowed


def _other_word_of_one_stem(a: str, b: str) -> bool:
    """Whether two words are one stem with two endings of English word formation, one of them
    two letters or more: "Democratic" / "Democrats", "Buddhism" / "Buddhist"."""
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    for stem_len in range(shared, MIN_STEM - 1, -1):  # "Buddhis-m" / "Buddhis-ts": "Buddh-ism"
        tail_a, tail_b = a[stem_len:], b[stem_len:]
        if tail_a in _ENDINGS and tail_b in _ENDINGS and max(len(tail_a), len(tail_b)) >= 2:
            return True
    return False


def _variant_word(fa: _Form, fb: _Form, lower: frozenset[str]) -> tuple[int, int] | None:
    """The positions of the one differing word of two names, if they are variants. ``lower``:
    the words the event's reports also write in lower case (common nouns: "hurricane")."""
    a, b = fa.words, fb.words
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if _fold(a[i]) != _fold(b[i])]
        if len(diff) == 1:
            return diff[0], diff[0]
        return None
    # "Trvian C. Kutti" / "Trevian Kutti": same last word, first words differ, middles ignored
    if len(a) >= 2 and len(b) >= 2 and _fold(a[-1]) == _fold(b[-1]) and _fold(a[0]) != _fold(b[0]):
        return 0, 0
    # "Scott Deutsche" / "Deutsch", "Hurricane Hilary" / "Hillary": one word against the name
    # of a person, or a name after common nouns; not the last word of any name ("HuffPost
    # Politics" / "Politico")
    full = fa if len(a) > len(b) else fb
    named = full.label in _PERSONS or all(_fold(w) in lower for w in full.words[:-1])
    if min(len(a), len(b)) == 1 and _fold(a[-1]) != _fold(b[-1]) and named:
        return len(a) - 1, len(b) - 1
    return None


def _words(text: str) -> tuple[str, ...]:
    """The words of a name: "Norfolk Southern’s Scott Deutsch" -> ("Scott", "Deutsch")."""
    words: list[str] = []
    for w in text.split():
        w = w.strip('.,;:()[]"“”•·-–—')
        owner = w.endswith(("'s", "’s"))
        if owner:
            w = w[:-2]
        if not any(c.isalpha() for c in w):
            continue
        words.append(w)
        if owner and w is not text.split()[-1]:
            words = []  # the owner's name, not the person's
    return tuple(words) or tuple(text.split()[-1:])


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][a-z]+))+\b")


def _forms(reports: Sequence[Report]) -> list[_Form]:
    """Name mentions found by enrichment, and runs of capitalised words it missed ("Alessio
    Russo 86'" in a line-up), without leading function words ("The Matildas")."""
    out = []
    for ri, report in enumerate(reports):
        covered = []
        for m in report.mentions:
            covered.append((m.start, m.end))
            if m.label not in NAME_LABELS:
                continue
            words = _words(report.text[m.start : m.end])
            if words:
                out.append(_Form(words, ri, m.span, m.label))
        for run in _CAPITALISED.finditer(report.text):
            if any(a < run.end() and run.start() < b for a, b in covered):
                continue
            words = _words(run.group())
            while words and fold(words[0]) in STOP_WORDS:
                words = words[1:]
            if len(words) >= 2:
                out.append(_Form(words, ri, Span(run.start(), run.end()), "NAME"))
    return out


def _uses(report: Report, word: str) -> bool:
    """Whether the report's text has ``word`` as a whole word (its own spelling, case kept)."""
    return _has_word(report.text, word)


def _has_word(text: str, word: str) -> bool:
    """Whether ``text`` has ``word`` as a whole word (case kept)."""
    start = 0
    while (i := text.find(word, start)) != -1:
        before = text[i - 1] if i else " "
        after = text[i + len(word)] if i + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = i + 1
    return False


def _two_things(forms: Sequence[_Form], wa: str, wb: str) -> bool:
    """Whether some report writes both spellings as two names: one a person's, the other a
    place's, sharing no other word ("Mayor Trent Conaway" and "Conway, Pennsylvania"). Then
    they are two names, not one name spelt two ways. ("Alessia Russo" and "Alessio Russo" in
    one report share "Russo": one name, whatever labels the tagger gave them.)"""
    by_report: dict[int, list[_Form]] = defaultdict(list)
    for form in forms:
        if wa in form.words or wb in form.words:
            by_report[form.report].append(form)
    for mine in by_report.values():
        for fa in (f for f in mine if wa in f.words):
            for fb in (f for f in mine if wb in f.words):
                labels = {fa.label, fb.label}
                others = (set(fa.words) - {wa}) & (set(fb.words) - {wb})
                if "PERSON" in labels and labels & PLACE_LABELS and not others:
                    return True
    return False


def _candidate_pairs(forms: Sequence[_Form]) -> list[tuple[_Form, _Form]]:
    """Pairs of forms that may be variants: they hold two different words a few letters apart
    (same length give or take two, and the same first letter or last three letters), found
    through the distinct words so that the work follows the words, not the square of the
    mentions."""
    by_word: dict[str, list[_Form]] = defaultdict(list)
    for form in forms:
        for word in {_fold(w) for w in form.words}:
            if len(word) >= MIN_WORD:
                by_word[word].append(form)
    words = sorted(by_word, key=len)
    pairs: dict[tuple[int, int], tuple[_Form, _Form]] = {}
    for i, w1 in enumerate(words):
        for w2 in words[i + 1 :]:
            if len(w2) - len(w1) > 2:
                break
            if w1[0] != w2[0] and w1[-3:] != w2[-3:]:
                continue
            if edit_distance(w1, w2) > 2:
                continue
            for fa in by_word[w1]:
                for fb in by_word[w2]:
                    if fa.report != fb.report:
                        pairs.setdefault((id(fa), id(fb)), (fa, fb))
    return list(pairs.values())


def name_conflicts(reports: Sequence[Report], names: Mapping[int, str]) -> list[Relation]:
    """``conflict:name`` relations: one per pair of spellings, with the reports using each. When
    both spellings were resolved to one entity, the note names it ("... of Antony Blinken")."""
    forms = _forms(reports)
    lower = frozenset(w for r in reports for _a, _b, w in word_spans(r.text) if w.islower())
    by_pair: dict[tuple[str, str], dict[str, list[_Form]]] = defaultdict(lambda: defaultdict(list))
    two_things: dict[tuple[str, ...], bool] = {}  # per pair of spellings, judged once
    for fa, fb in _candidate_pairs(forms):
        if reports[fa.report].source == reports[fb.report].source:
            continue
        pos = _variant_word(fa, fb, lower)
        if pos is None:
            continue
        wa, wb = fa.words[pos[0]], fb.words[pos[1]]
        single = len(fa.words) == 1 and len(fb.words) == 1
        if "NORP" in (fa.label, fb.label) and fa.label != fb.label:
            continue  # a country and its people: "Sweden" / "Swedes"
        nationality = "NORP" in (fa.label, fb.label)
        rest = len(fa.words) == len(fb.words) >= 2
        if not word_variants(wa, wb, single=single, demonym_ok=not nationality, rest_matches=rest):
            continue
        ra, rb = reports[fa.report], reports[fb.report]
        if _uses(ra, wb) and _uses(rb, wa):
            continue  # both reports write both spellings
        key = tuple(sorted((wa, wb)))
        if key not in two_things:
            two_things[key] = _two_things(forms, wa, wb)
        if two_things[key]:
            continue  # "Mayor Trent Conaway" (PERSON) and "Conway, Pennsylvania" (GPE)
        by_pair[(key[0], key[1])][wa].append(fa)
        by_pair[(key[0], key[1])][wb].append(fb)
    out = []
    for (w1, w2), by_word in by_pair.items():
        sides: list[Side] = []
        camps: list[int] = []
        for camp, word in enumerate((w1, w2)):
            per_report: dict[int, int] = defaultdict(int)
            for form in sorted(set(by_word[word]), key=lambda f: (f.report, f.span.start)):
                if per_report[form.report] < MAX_SIDES_PER_REPORT:
                    per_report[form.report] += 1
                    sides.append(reports[form.report].side(form.span))
                    camps.append(camp)
        sources = len({reports[f.report].source for w in by_word.values() for f in w})
        entities = {
            m.canonical
            for w in by_word.values()
            for f in w
            for m in reports[f.report].mentions
            if m.span == f.span and m.canonical is not None
        }
        of = (
            f" of {names[e]}" if len(entities) == 1 and (e := next(iter(entities))) in names else ""
        )
        out.append(
            Relation(
                relation=CONFLICT_PREFIX + "name",
                kind="name",
                confidence=0.8,
                sides=tuple(sides),
                sources=sources,
                note=f"{w1} / {w2}{of}",
                camps=tuple(camps),
            )
        )
    return out


def spellings(relation: Relation) -> tuple[str, str]:
    """The two spellings a ``conflict:name`` relation sets against each other (its note reads
    "w1 / w2" or "w1 / w2 of Name")."""
    first, _, rest = relation.note.partition(" / ")
    return first, rest.split(" of ", 1)[0]


def minority_sides(relation: Relation, reports: Sequence[Report]) -> tuple[Side, ...]:
    """The sides of a ``conflict:name`` relation that write the spelling fewer independent
    sources of the event use; all sides when both are used by as many. A name spelt two ways
    disputes the spelling, not what the sentence states: a sentence with the spelling most
    sources use still says what it says."""
    words = spellings(relation)
    users = [len({r.source for r in reports if _uses(r, w)}) for w in words]
    if users[0] == users[1]:
        return relation.sides
    rare = words[0] if users[0] < users[1] else words[1]
    texts = {r.id: r.text for r in reports}
    out = []
    for side in relation.sides:
        span = side.highlight or Span(side.start, side.end)
        if _has_word(texts.get(side.article_id, side.text)[span.start : span.end], rare):
            out.append(side)
    return tuple(out)


RARE_WORD = 7  # common words are not compared: only long, rare ones ("phosgene")


def word_conflicts(reports: Sequence[Report], idf: Mapping[str, float]) -> list[Relation]:
    """Spelling variants of rare lower-case words in the same place: "the poisonous gas
    phosgene" / "the toxic gas phosphene". Both must be rare in the store (each in at most two
    or three articles), follow the same content word ("gas"), differ before their last three
    letters ("economic" / "economy" is one word), and no source use both."""
    if not idf:
        return []
    rare = max(idf.values()) - 1.2  # within about a factor 3 of the rarest document frequency
    seen: dict[tuple[str, str], list[tuple[int, Span, str]]] = defaultdict(list)
    for ri, report in enumerate(reports):
        for m in _LOWER_PAIR.finditer(report.text):
            word = m.group(2)
            if m.group(1) in STOP_WORDS:
                continue  # "after bonding" / "after booking": the slot must be a content word
            if len(word) >= RARE_WORD and idf.get(word, 0.0) >= rare:
                seen[(m.group(1).casefold(), word)].append((ri, Span(m.start(2), m.end(2)), word))
    out = []
    keys = sorted(seen)
    for i, (prev_a, wa) in enumerate(keys):
        for prev_b, wb in keys[i + 1 :]:
            if prev_a != prev_b or wa == wb or edit_distance(wa, wb) > 2:
                continue
            if _common_prefix(wa, wb) >= min(len(wa), len(wb)) - 3:
                continue  # one word in two forms: "economic" / "economy"
            a_uses, b_uses = seen[(prev_a, wa)], seen[(prev_b, wb)]
            if {reports[r].source for r, _, _ in a_uses} & {
                reports[r].source for r, _, _ in b_uses
            }:
                continue
            sides = tuple(reports[r].side(span) for r, span, _ in a_uses + b_uses)
            camps = (0,) * len(a_uses) + (1,) * len(b_uses)
            sources = len({reports[r].source for r, _, _ in a_uses + b_uses})
            out.append(
                Relation(
                    CONFLICT_PREFIX + "name", "name", 0.6, sides, sources, f"{wa} / {wb}", camps
                )
            )
    return out


_LOWER_PAIR = re.compile(rf"\b([a-z]+)\s+([a-z]{{{RARE_WORD},}})\b")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
