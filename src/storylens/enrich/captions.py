"""Photo captions and credits: lines a page prints beside its story, not the story.

A story copied from a web page often carries the captions of its photos ("A black plume rises
over East Palestine, Ohio, ... Monday, Feb. 6, 2023. (AP Photo/Gene J. Puskar)"). A caption tells
what a picture shows, often on another day than the story's, and can open the text, where the
lead should be; a summary should not quote it. A sentence is a caption when

- it holds a parenthesised photo credit ("(AP Photo/Gene J. Puskar)", "(Melissa Smith via AP)",
  "(Photo: Reuters)"; also glued to the next caption on pages that lost their line breaks:
  "(REUTERS/ Randall Hill)Contrails from jets circle ...") or a bare one ("REUTERS/Victor
  Medina", "Sameer Al-DOUMY / AFP" at its end; "AP Photo/...", "Getty Images" anywhere);
- it points at a picture ("In this photo provided by Melissa Smith, ...", "Pictured: ...") or
  ends with an agency caption's dateline ("... East Palestine, Ohio, Friday, Feb. 3, 2023.");
- a credit on its own follows it, with no blank line between ("... Kevin McCarthy listen.",
  then "(Kent Nishimura / Los Angeles Times)");
- or it is written as the agencies write captions: a main verb in the present tense ("looks
  down", "floats", "is seen"; not a plan: "is set to land") whose subject is no pronoun, and a
  full date with the year at its end ("... over the central United States Feb. 3, 2023."), no
  more than two weeks before the article's day when it has one. News prose tells what happened
  in the past tense and gives this year's dates without the year.

A credit alone is no photo's when it names no photographer or picture agency: a dateline's
"(AP)", a source's "(Reuters)".

The event stage still compares articles by their captions: they often name who, where and
when, and leaving them out lowered B-cubed F1 on dev + reserve (docs/events.md).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from storylens.enrich.nlp import doc_text
from storylens.model import Span

MAX_CREDIT_WORDS = 8  # "(Larry Mayer/ The Billings Gazette via AP)"; longer is an aside
CAPTION_DAYS = 14  # a dated article's captions show the days before it, not another year
AGENCIES = r"(?:AP|AFP|REUTERS|Reuters|EPA(?:-EFE)?|Getty Images|Xinhua|Bloomberg|Anadolu)"
# inside parentheses: a photo word, "via AP", a picture agency, or "Owner/Photographer"
_PHOTO_WORDS = re.compile(
    r"\bphoto(?:graph)?s?\b|\bvia " + AGENCIES + r"\b|\bGetty Images\b|\bShutterstock\b",
    re.IGNORECASE,
)
_OWNER_SLASH_NAME = re.compile(r"\b[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)*\s?/\s?[A-Z][a-z]")
_PARENTHESES = re.compile(r"\(([^()\n]{2,120})\)")
# a credit anywhere in a sentence: forms news prose does not write ("Reuters/Ipsos" it does)
_CREDIT_ANYWHERE = re.compile(
    r"\b(?:REUTERS|AP Photos?|AFP|EPA-EFE)\s?/\s?[A-Z]|\bGetty Images\b|\bPhoto by [A-Z]"
    r"|\bImage source\b"
)
_BARE_CREDIT_END = re.compile(
    r"(?:\b"
    + AGENCIES
    + r"\s?/\s?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
    + r"|\b[A-Z][\w.'-]*(?: [A-Za-z][\w.'-]*){0,3}\s?/\s?"
    + AGENCIES
    + r")\s*\.?\s*$"
)
# what points at a picture: "In this photo provided by ...", "Pictured: ..."
_PICTURE = re.compile(
    r"^\W*(?:(?:in )?this (?:file )?(?:photo|image|picture)\b|photo:|pictured:)", re.IGNORECASE
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE_END = re.compile(  # "Feb. 3, 2023." or "24 August 2023."
    rf"\b(?:{_MONTH} (\d{{1,2}}),|(\d{{1,2}}) {_MONTH}) ((?:19|20)\d\d)\.?$"
)
# an agency caption's dateline: "... in East Palestine, Ohio, Friday, Feb. 3, 2023."
_WEEKDAY_DATE_END = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\W*$"
)
_PRESENT = frozenset({"VBZ", "VBP"})


def is_photo_credit(inside: str) -> bool:
    """Whether the text inside a pair of parentheses credits a photo."""
    if len(inside.split()) > MAX_CREDIT_WORDS:  # "(She says the photo of her son ...)"
        return False
    return bool(_PHOTO_WORDS.search(inside) or _OWNER_SLASH_NAME.search(inside))


def _ends_with_credit(sentence: str) -> bool:
    text = sentence.rstrip().rstrip(".").rstrip()
    if text.endswith(")"):
        last = _PARENTHESES.search(text, max(0, text.rfind("(")))
        return last is not None and last.end() == len(text) and is_photo_credit(last.group(1))
    return bool(_BARE_CREDIT_END.search(text))


def _credit_or_picture(text: str) -> bool:
    """Whether a sentence credits a photo or points at one, or ends with a caption's dateline."""
    return (
        any(is_photo_credit(m.group(1)) for m in _PARENTHESES.finditer(text))
        or bool(_CREDIT_ANYWHERE.search(text))
        or _ends_with_credit(text)
        or bool(_PICTURE.match(text))
        or bool(_WEEKDAY_DATE_END.search(text))
    )


def _written_as_caption(sent: DocSpan, text: str, day: date | None) -> bool:
    """A present-tense main verb whose subject is no pronoun, and a full date with the year at
    the end of ``text`` (the sentence, trimmed), near the article's own day when it has one."""
    found = _FULL_DATE_END.search(text)
    if found is None or text[:1] in "\"“‘'":
        return False
    if day is not None:
        try:
            month_day = found[1], found[2]  # "Feb. 3"
            if month_day[0] is None:
                month_day = found[4], found[3]  # "24 August"
            shown = date(int(found[5]), _MONTHS.index(month_day[0].lower()) + 1, int(month_day[1]))
        except ValueError:
            return False
        if not 0 <= (day - shown).days <= CAPTION_DAYS:  # "The pattern re-emerges ... 2014."
            return False
    root = sent.root
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in root.children):
        return False  # "Q: You open your book on May 17, 2001."
    if root.tag_ in _PRESENT:
        return root.lemma_ != "be"  # "Harry's House is Styles' third album" shows no photo
    # the present passive ("a train fire is seen from her farm"), but not a plan ("is set to
    # land ... today on 23 August 2023")
    children = list(root.children)
    return (
        root.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in _PRESENT for c in children)
        and not any(c.dep_ == "xcomp" for c in children)
    )


def captions_from_doc(doc: Doc, day: date | None = None) -> list[Span]:
    """The sentences of ``doc`` (an article of ``day``, if known) that are photo captions or
    credits, in text order, trimmed of white space."""
    whole = doc_text(doc)
    sentences = [(sent, trimmed) for sent in doc.sents if (trimmed := _trimmed(sent))[1]]
    flagged = [
        _credit_or_picture(text) or _written_as_caption(sent, text, day)
        for sent, (_, text) in sentences
    ]
    for k in range(1, len(sentences)):
        start, text = sentences[k][1]
        if not _only_credit(text):
            continue
        before_start, before = sentences[k - 1][1]
        # a credit on its own closes the caption before it, unless a blank line parts them
        if "\n\n" not in whole[before_start + len(before) : start].replace(" ", ""):
            flagged[k - 1] = True
    return [
        Span(start, start + len(text))
        for (_, (start, text)), caption in zip(sentences, flagged, strict=True)
        if caption
    ]


def _trimmed(sent: DocSpan) -> tuple[int, str]:
    raw = sent.text
    return sent.start_char + len(raw) - len(raw.lstrip()), raw.strip()


def _only_credit(text: str) -> bool:
    """Whether ``text`` is nothing but a photo credit."""
    text = text.strip(" .|")
    if text.startswith("(") and text.endswith(")"):
        return "(" not in text[1:] and is_photo_credit(text[1:-1])
    found = _BARE_CREDIT_END.search(text)
    return found is not None and found.start() == 0
