"""Independent sources of a relation: a wire sentence two outlets both ran is one source."""

from __future__ import annotations

from storylens.compare import Report, compare_reports
from storylens.compare.model import AGREE, Relation
from storylens.compare.relate import Link, copied, relations_from_links
from storylens.model import Claim, Span

from .helpers import idf_of, report

WIRE = (
    "Captain Olga Carmona fired the winner in the 29th minute as La Roja emulated the men's "
    "team which had won the World Cup in 2010, even though Jenni Hermoso failed to convert a "
    "70th minute penalty."
)
OWN = (
    "Olga Carmona fired the winner in the 29th minute for La Roja, and Jenni Hermoso failed to "
    "convert a penalty in the 70th minute."
)


def agreements(*texts: str) -> list[Relation]:
    reports = [report(f"r{i}", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]
    return [r for r in compare_reports(reports, idf_of(reports)) if r.relation == AGREE]


def test_a_wire_sentence_two_outlets_ran_is_one_source() -> None:
    # two outlets that only share the wire sentence do not agree independently
    assert not [r for r in agreements(WIRE, WIRE.replace("men's", "men’s")) if r.sources > 1]
    # a third outlet in its own words makes two independent sources, not three
    found = agreements(WIRE, WIRE.replace("men's", "men’s"), OWN)
    assert found and max(r.sources for r in found) == 2


def test_copied_needs_a_long_sentence_outside_quotation_marks() -> None:
    assert copied(WIRE, WIRE + " Spain were the better side.")
    short = "Spain beat England 1-0 in the final in Sydney on Sunday."
    assert not copied(short, short)  # a short sentence is written alike by chance
    assert not copied(WIRE, OWN)
    # outlets quoting one statement alike are quoting, not copying each other
    quote = f"“{WIRE}” the coach said."
    assert not copied(quote, quote.replace("the coach said", "said the coach"))


def test_two_sentences_each_like_a_third_are_not_one_agreement() -> None:
    """A sentence saying two things agrees with one report on each; the two reports, which
    share nothing, do not agree with each other through it."""
    a = report("a", "Sanders carried Oklahoma easily.")
    b = report("b", "Sanders carried Oklahoma easily while Cruz dominated Texas convincingly.")
    c = report("c", "Cruz dominated Texas convincingly.")
    rels = [r for r in compare_reports([a, b, c], idf_of([a, b, c])) if r.relation == AGREE]
    assert rels  # each pair with b agrees...
    for r in rels:  # ... but no agreement holds both a and c
        assert {s.article_id for s in r.sides} != {"a", "b", "c"}
    assert {frozenset(s.article_id for s in r.sides) for r in rels} == {
        frozenset("ab"),
        frozenset("bc"),
    }


def test_sentences_that_share_only_names_do_not_agree() -> None:
    """Alike by the names they share, the sentences say different things of them (PolNeAR:
    "Trump didn't need to meet with Peña Nieto." / "Peña Nieto said that immigration ...")."""
    names = ["Ruth Bader Ginsburg", "Donald Trump"]

    def agree(x: str, y: str) -> bool:
        reports = [report("a", x, names=names), report("b", y, names=names)]
        rels = compare_reports(reports, idf_of(reports))
        return any(r.relation == AGREE and r.kind == "statement" for r in rels)

    called = "Donald Trump called for Ruth Bader Ginsburg to resign."
    assert not agree(called, "Ruth Bader Ginsburg regrets her insults of Donald Trump.")
    # a credit line is names only: two photo credits are no statement agreed on
    assert not agree("(Photo by Ruth Bader Ginsburg)", "Source: Ruth Bader Ginsburg")
    # the same names saying the same thing of them agree
    assert agree(called, "Donald Trump called on Ruth Bader Ginsburg to resign.")


def test_sentences_about_different_people_do_not_agree() -> None:
    """PolNeAR, Super Tuesday: "Trump has won Georgia, Virginia, ..." and "Clinton has won
    ... Georgia, Virginia, ..." are alike but say things of different people."""
    names = ["Donald Trump", "Hillary Clinton"]
    other = report("c", "Hillary Clinton thanked her voters in Miami.", names=names)

    def agree(x: str, y: str) -> bool:
        reports = [report("a", x, names=names), report("b", y, names=names), other]
        rels = compare_reports(reports, idf_of(reports))
        return any(r.relation == AGREE and r.kind == "statement" for r in rels)

    trump = "Donald Trump has won Georgia, Virginia, Alabama and Tennessee on Super Tuesday."
    # the tagger missed "Clinton" here: a word of a full name the reports tag still counts
    clinton = "Clinton has won Georgia, Virginia, Alabama and Tennessee on Super Tuesday."
    assert not agree(trump, clinton)
    # the same person named two ways, or a sentence naming nobody, may agree
    assert agree(trump, trump.replace("Donald Trump", "Trump"))
    assert agree(trump, trump.replace("Donald Trump", "He"))
    # a lower-case word the tagger called a person is no name
    lower = trump.replace("Donald Trump", "Trump").replace("on Super", "with hair on Super")
    assert agree(trump, lower)


def test_a_group_holds_no_two_sentences_about_different_people() -> None:
    """Two sentences naming nobody join what is alike; through them, statements of two
    different people must not become one agreement."""
    names = ["Donald Trump", "Hillary Clinton"]
    texts = [
        "Donald Trump has won Georgia, Virginia, Alabama and Tennessee on Super Tuesday.",
        "The winner has won Georgia, Virginia, Alabama and Tennessee on Super Tuesday.",
        "Hillary Clinton has won Georgia, Virginia, Alabama and Tennessee on Super Tuesday.",
    ]
    reports = [report(f"r{i}", t, names=names) for i, t in enumerate(texts)]
    rels = [r for r in compare_reports(reports, idf_of(reports)) if r.relation == AGREE]
    statements = [r for r in rels if r.kind == "statement"]
    assert {frozenset(s.article_id for s in r.sides) for r in statements} == {
        frozenset({"r0", "r1"}),
        frozenset({"r1", "r2"}),
    }


def test_an_agreement_a_conflict_contradicts_does_not_join_the_group() -> None:
    """r3's figure is for something else: the comparison sets it against r0's, so it joins
    no agreement with r0's group through r1, and the conflict names which side each report
    takes."""
    texts = [
        "The government will spend 2 billion euros repairing the country's ageing bridges.",
        "The government will spend 2 billion euros repairing and replacing ageing bridges.",
        "The government is to spend 2 billion euros on repairing ageing bridges.",
        "The government will spend 2 billion euros on new housing for young families.",
    ]
    reports = [report(f"r{i}", t) for i, t in enumerate(texts)]
    span = [Span(r.text.index("2 billion"), r.text.index("2 billion") + 9) for r in reports]

    def link(relation: str, i: int, j: int, confidence: float) -> Link:
        return Link(relation, "number", (i, span[i]), (j, span[j]), confidence, "2 billion")

    links = [
        link(AGREE, 0, 1, 0.9),
        link(AGREE, 1, 2, 0.9),
        link(AGREE, 0, 2, 0.85),
        link(AGREE, 2, 3, 0.7),  # wrongly agreeing: the referent check missed it
        link("conflict:referent", 0, 3, 0.8),
    ]
    rels = relations_from_links(reports, links)
    agreed = [r for r in rels if r.relation == AGREE]
    assert [sorted(s.article_id for s in r.sides) for r in agreed] == [["r0", "r1", "r2"]]
    (conflict,) = [r for r in rels if r.is_conflict]
    camps = {s.article_id: c for s, c in zip(conflict.sides, conflict.camps, strict=True)}
    assert camps["r3"] != camps["r0"] == camps["r1"] == camps["r2"]
    assert [side["camp"] for side in conflict.as_dict()["sides"]] == list(conflict.camps)
    assert "camp" not in agreed[0].as_dict()["sides"][0]
    # without the conflict the wrong agreement joins them all
    (alone,) = relations_from_links(reports, links[:4])
    assert len(alone.sides) == 4


def test_he_or_she_is_the_one_person_the_sentence_before_opens_with() -> None:
    """ "She" after a sentence led by Clinton is Clinton: her wins do not agree with Trump's.
    After a sentence that names its one person late ("..., beating rival Hillary Clinton"),
    "He" stays unknown and may agree with anyone."""
    names = ["Donald Trump", "Hillary Clinton"]
    trump = report(
        "a", "Donald Trump has won Georgia, Virginia, Alabama and Tennessee tonight.", names=names
    )

    def agrees_with_trump(text: str) -> bool:
        other = report("b", text, names=names)
        rels = compare_reports([trump, other], idf_of([trump, other]))
        return any(r.relation == AGREE and r.kind == "statement" for r in rels)

    she = "She has won Georgia, Virginia, Alabama and Tennessee tonight."
    assert agrees_with_trump(she)  # alone, "She" may be anyone
    assert not agrees_with_trump("Hillary Clinton earned another win. " + she)
    late = "The senator beat rival Hillary Clinton in Vermont. "
    assert agrees_with_trump(late + she.replace("She", "He"))


def _deed(article_id: str, text: str, subject: str, names: list[str]) -> Report:
    """A report whose one claim is that ``subject`` won something."""
    at = text.index(subject)
    won = Claim("event", "win", Span(at, text.index(" won") + 4), Span(0, len(text)),
                subject=subject, predicate="win")  # fmt: skip
    return report(article_id, text, names=names, claims=[won])


def _deeds_agreed(*reports: Report) -> set[frozenset[str]]:
    return {
        frozenset(s.article_id for s in r.sides)
        for r in compare_reports(list(reports), idf_of(list(reports)))
        if r.relation == AGREE and r.kind == "event"
    }


def test_deeds_of_different_people_do_not_agree() -> None:
    """PolNeAR, Super Tuesday: "Republican Senator Ted Cruz won the primary in Oklahoma" and
    "Democrat Senator Bernie Sanders won the primary in Oklahoma" share a subject word ("Senator"),
    not the winner."""
    names = ["Ted Cruz", "Bernie Sanders"]
    cruz = _deed("a", "Republican Senator Ted Cruz won the primary in Oklahoma on Tuesday night.",
                 "Republican Senator Ted Cruz", names)  # fmt: skip
    sanders = _deed("b", "Democrat Senator Bernie Sanders won the primary in Oklahoma on Tuesday "
                    "night.", "Democrat Senator Bernie Sanders", names)  # fmt: skip
    again = _deed("c", "Ted Cruz won the Oklahoma primary on Tuesday.", "Ted Cruz", names)
    assert _deeds_agreed(cruz, sanders, again) == {frozenset({"a", "c"})}


def test_a_group_of_deeds_holds_no_two_different_doers() -> None:
    """ "Cruz won" agrees with "Cruz and Clinton won", and that with "Trump and Clinton won";
    Cruz's and Trump's wins do not become one agreement through them."""
    names = ["Ted Cruz", "Hillary Clinton", "Donald Trump"]
    texts = {
        "a": ("Ted Cruz won the primary in Oklahoma on Tuesday.", "Ted Cruz"),
        "b": ("Ted Cruz and Hillary Clinton won the primaries in Oklahoma on Tuesday.",
              "Ted Cruz and Hillary Clinton"),
        "c": ("Donald Trump and Hillary Clinton won the primaries in Oklahoma on Tuesday.",
              "Donald Trump and Hillary Clinton"),
    }  # fmt: skip
    agreed = _deeds_agreed(*(_deed(k, t, s, names) for k, (t, s) in texts.items()))
    assert agreed and not any({"a", "c"} <= group for group in agreed)


def test_sentences_with_other_places_in_one_slot_do_not_agree() -> None:
    """PolNeAR, Super Tuesday: "Oklahoma and his home state of Texas." (Cruz) agreed with
    "... won the primary in Oklahoma and in his home state of Vermont." (Sanders): alike, and
    naming nobody the tagger saw, but the home states differ."""
    places = ["Oklahoma", "Texas", "Vermont", "US", "U.S.", "Alaska"]

    def agree(x: str, y: str) -> bool:
        # each report names both home states elsewhere, so the two are no place conflict
        both = "Texas and Vermont voted as expected."
        reports = [report("a", f"{x} {both}", names=places, label="GPE"),
                   report("b", f"{both} {y}", names=places, label="GPE")]  # fmt: skip
        rels = compare_reports(reports, idf_of(reports))
        return any(
            r.relation == AGREE
            and r.kind == "statement"
            and all(both not in s.text for s in r.sides)
            for r in rels
        )

    texas = "The senator won the primary in Oklahoma and in his home state of Texas on Tuesday."
    vermont = texas.replace("Texas", "Vermont")
    assert not agree(texas, vermont)
    assert agree(texas, texas.replace("The senator won", "The senator also won"))
    # one place written two ways, or named elsewhere in the other sentence, is no other place
    us = "US says it shot down a small object over Alaska on Friday night."
    assert agree(us, "U.S. officials say they shot down a small object over Alaska on Friday.")
    assert agree(texas, vermont.replace("Oklahoma", "Oklahoma and Texas"))


def test_list_items_about_different_people_do_not_agree() -> None:
    """Dev, the Georgia indictment: "Shawn Still, fake GOP elector" (a name the tagger does not
    see: "Still" is also an adverb) agreed with "Cathy Latham, fake GOP elector" and "David
    Shafer, Georgia GOP chair and fake elector". A list item opening with a name and a comma
    names that person."""
    names = ["David Shafer", "Cathy Latham"]  # Shawn Still untagged, as by the tagger
    items = [
        "David Shafer, Georgia GOP chair and fake elector",
        "Shawn Still, fake GOP elector",
        "Cathy Latham, fake GOP elector",
    ]
    a = report("a", "\n".join(f"• {x}" for x in items) + " tied to Coffee County", names=names)
    b = report("b", "\n".join(items), names=names)
    pairs = {
        frozenset(s.text.lstrip("• ").split(",")[0] for s in r.sides)
        for r in compare_reports([a, b], idf_of([a, b]))
        if r.relation == AGREE and r.kind == "statement"
    }
    assert pairs == {frozenset({n}) for n in ("David Shafer", "Shawn Still", "Cathy Latham")}


def test_an_opening_date_or_place_is_no_listed_name() -> None:
    from storylens.compare.people import people_named

    def named(text: str) -> list[tuple[str, ...]]:
        r = report("a", text, names=["Washington"], label="GPE")
        return [name for _, name in people_named(r, 0, len(text), frozenset())]

    assert named("Shawn Still, fake GOP elector") == [("shawn", "still")]
    assert named("Last Tuesday, the jury met.") == []
    assert named("In Washington, the jury met.") == []
    assert named("West Washington, the jury met.") == []
