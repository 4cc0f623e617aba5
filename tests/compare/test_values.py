"""Values across reports: hand-written cases for each rule (agree, refine, conflict, and every
reason two different values are not called a conflict)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from storylens.compare import Report, compare_reports
from storylens.compare.model import AGREE, REFINES, UPDATE, Relation
from storylens.compare.values import interval
from storylens.model import Claim, Span

from .helpers import idf_of, report


def relations(*texts: str, **kw: object) -> list[Relation]:
    reports = [report(f"r{i}", t, **kw) for i, t in enumerate(texts)]  # type: ignore[arg-type]
    return compare_reports(reports, idf_of(reports))


def kinds(rels: list[Relation], kind: str | None = None) -> set[str]:
    return {r.relation for r in rels if kind is None or r.kind == kind}


def claimed(
    article_id: str,
    text: str,
    written: str,
    value: float,
    kind: str = "quantity",
    referent: str | None = None,
) -> Report:
    """A report whose one claim is ``written`` (its first occurrence in ``text``)."""
    at = text.index(written)
    found = Claim(kind, value, Span(at, at + len(written)), Span(0, len(text)), referent=referent)
    return report(article_id, text, claims=[found])


def claim(
    value: float, written: str, qualifier: str | None = None, kind: str = "quantity"
) -> Claim:
    return Claim(kind, value, Span(0, len(written)), Span(0, len(written)), qualifier=qualifier)


@pytest.mark.parametrize(
    ("value", "written", "qualifier", "low", "high"),
    [
        (17.9, "17.9", None, 17.85, 17.95),
        (18.0, "18", None, 17.5, 18.5),
        (30.0, "30", "about", 26.5, 33.5),
        (10.0, "10", "at least", 9.5, float("inf")),
        (10.0, "10", "up to", 0.0, 10.5),
        (47000.0, "47,000", None, 46059.5, 47940.5),  # round: within 2 %
        (3.0, "3-4", None, 3.0, 4.0),
        (2.0, "two", None, 1.5, 2.5),
    ],
)
def test_intervals(
    value: float, written: str, qualifier: str | None, low: float, high: float
) -> None:
    lo, hi = interval(claim(value, written, qualifier), written, 1.0)
    assert lo == pytest.approx(low, abs=0.02) and hi == pytest.approx(high, abs=0.02)


def test_different_figures_for_one_measure_conflict() -> None:
    rels = relations(
        "The quake struck at a depth of 17.9 km, the survey said.",
        "The quake struck at a depth of 24.1 km, the survey said.",
    )
    conflict = [r for r in rels if r.relation == "conflict:number"]
    assert len(conflict) == 1 and conflict[0].note == "17.9 km / 24.1 km"
    assert {s.article_id for s in conflict[0].sides} == {"r0", "r1"}


def test_rounding_agrees_and_a_unit_mix_up_conflicts() -> None:
    assert AGREE in kinds(relations("It was centred 18 km deep.", "It was centred 17.9 km deep."))
    # the same figure in another unit of the same dimension: one report has the unit wrong
    rels = relations(
        "The jet downed the object about 100 miles from the border.",
        "The jet downed the object over 100 kilometres from the border.",
    )
    assert "conflict:number" in kinds(rels)


def test_lower_bounds_refine_rather_than_conflict() -> None:
    rels = relations(
        "Officials said at least 30 km of road were closed by the flood.",
        "Officials said 42 km of road were closed by the flood.",
    )
    assert not any(r.is_conflict for r in rels)
    assert REFINES in kinds(rels, "number")


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        (  # measured from different places
            "The epicentre lay 23 km east of Nurdagi, officials said.",
            "The epicentre lay 33 km from Gaziantep, officials said.",
            "anchors",
        ),
        (  # another instance: a second quake
            "A second 7.6 magnitude quake struck the region hours later.",
            "A 7.8 magnitude quake struck the region before dawn.",
            "instance",
        ),
        (  # different days: a changing quantity
            "The storm carried winds of 145 mph early on Friday.",
            "The storm carried winds of 70 mph on Sunday.",
            "days",
        ),
        (  # far apart: a game's points and a career total
            "He scored 38 points in the game that broke the record.",
            "He scored 38,387 points in the game that broke the record.",
            "ratio",
        ),
        (  # numbers in words are rarely the figure of a fact
            "The driver said one car left the road near the bridge.",
            "The driver said five cars left the road near the bridge.",
            "words",
        ),
    ],
)
def test_different_values_that_are_not_conflicts(a: str, b: str, why: str) -> None:
    assert not any(r.is_conflict for r in relations(a, b)), why


def test_figures_from_different_named_sources_do_not_conflict() -> None:
    a = report(
        "a",
        "Officials said 3 km of track were damaged.",
        claims=[
            Claim("quantity", 3.0, Span(15, 19), Span(0, 42), unit="km", source="Minister Soylu")
        ],
    )
    b = report(
        "b",
        "Officials said 6 km of track were damaged.",
        claims=[Claim("quantity", 6.0, Span(15, 19), Span(0, 42), unit="km", source="AFAD")],
    )
    assert not any(r.is_conflict for r in compare_reports([a, b], idf_of([a, b])))


def test_a_later_report_updates_rather_than_conflicts() -> None:
    reports = []
    for i, (n, day) in enumerate(((1200, "2026-03-01"), (1500, "2026-03-03"))):
        text = f"The fire has forced {n:,} people from their homes, officials said."
        start = text.index(f"{n:,}")
        people = Claim(
            "count_of_people", float(n), Span(start, start + 5), Span(0, len(text)),
            unit="people", predicate="force",
        )  # fmt: skip
        reports.append(report(f"r{i}", text, claims=[people], published=day))
    rels = compare_reports(reports, idf_of(reports))
    assert UPDATE in {r.relation for r in rels} and not any(r.is_conflict for r in rels)


def test_copies_of_one_original_are_not_compared() -> None:
    a = report("a", "The quake struck at a depth of 17.9 km, the survey said.")
    b = report("b", "The quake struck at a depth of 24.1 km, the survey said.", copy_of="a")
    assert not any(r.is_conflict for r in compare_reports([a, b], idf_of([a, b])))


def test_times_dates_and_parts_of_day() -> None:
    rels = relations(
        "The lander started its descent at 5.45 pm and landed later.",
        "The lander started its descent at 5:20 pm, the agency said.",
    )
    assert "conflict:number" in kinds(rels, "time")
    assert AGREE in kinds(
        relations("The jet took the shot at 2:39 pm.", "The jet took the shot at 2:39 p.m. ET.")
    )
    rels = relations(
        "The storm made landfall on Sunday morning near the coast.",
        "The storm made landfall on Sunday afternoon near the coast.",
    )
    assert "conflict:date" in kinds(rels)
    rels = relations(
        "The balloon was shot down off the coast on Feb. 5, officials said.",
        "The balloon was shot down off the coast on Feb. 4, officials said.",
    )
    assert "conflict:date" in kinds(rels)
    # a report that names both dates knows both: two moments, not two accounts
    rels = relations(
        "The balloon was shot down off the coast on Feb. 5, officials said.",
        "The balloon was shot down off the coast on Feb. 4, officials said. It was seen on Feb. 5.",
    )
    assert "conflict:date" not in kinds(rels)


def _counted(article_id: str, text: str, written: str, unit: str, referent: str) -> Report:
    at = text.index(written)
    found = Claim("quantity", float(written), Span(at, at + len(written)), Span(0, len(text)),
                  unit=unit, referent=referent)  # fmt: skip
    return report(article_id, text, claims=[found])


@pytest.mark.parametrize(
    ("first", "conflict"),
    [
        ("Cruz won 23 delegates at the state convention in Wyoming on Saturday.", True),
        ("Wyoming will select 23 delegates at the state convention on Saturday.", False),
        ("Wyoming is expected to send 23 delegates to the state convention on Saturday.", False),
    ],
)
def test_what_is_to_happen_is_no_rival_to_what_happened(first: str, conflict: bool) -> None:
    """A figure a clause gives of what will happen ("will select 23 delegates") is no rival
    account of a figure of what happened ("won 14 delegates"); two outcomes are."""
    second = "Cruz won 14 delegates at the state convention in Wyoming on Saturday."
    reports = [
        _counted("r0", first, "23", "delegate", "delegates"),
        _counted("r1", second, "14", "delegate", "delegates"),
    ]
    rels = compare_reports(reports, idf_of(reports))
    assert ("conflict:number" in kinds(rels)) is conflict
    # two plans can differ as well
    plans = [
        _counted("r0", "Wyoming will select 23 delegates at the state convention.", "23",
                 "delegate", "delegates"),
        _counted("r1", "Wyoming will select 14 delegates at the state convention.", "14",
                 "delegate", "delegates"),
    ]  # fmt: skip
    assert "conflict:number" in kinds(compare_reports(plans, idf_of(plans)))


def test_alike_sentences_with_different_figures_do_not_agree() -> None:
    """Sentences as alike as restatements, one giving a plan and one an outcome: no rivals, and
    no agreement either, since their figures differ."""
    texts = (
        ("Wyoming will select 23 delegates at the state convention in Casper.", "23"),
        ("Wyoming selected 14 delegates at the state convention in Casper.", "14"),
    )
    reports = [_counted(f"r{i}", t, n, "delegate", "delegates") for i, (t, n) in enumerate(texts)]
    assert {r.relation for r in compare_reports(reports, idf_of(reports))} <= {"unique"}
    same = [_counted(f"r{i}", texts[0][0], "23", "delegate", "delegates") for i in range(2)]
    assert AGREE in kinds(compare_reports(same, idf_of(same)))


def test_other_words_before_one_counted_noun_are_no_other_referent() -> None:
    """ "four remaining mainstream candidates" / "Four mainstream conservative candidates": one
    head noun, other modifiers; "for every Russian tank" / "to attack the Russian warplanes":
    two things."""
    same = [
        _counted("r0", "Advisers to 4 remaining mainstream candidates discount that outcome.",
                 "4", "candidate", "remaining mainstream candidates"),
        _counted("r1", "Polls show 4 mainstream conservative candidates near 10 percent.",
                 "4", "candidate", "mainstream conservative candidates"),
    ]  # fmt: skip
    assert not any(r.is_conflict for r in compare_reports(same, idf_of(same)))
    other = [
        _counted("r0", "Ukraine has 10 anti-tank systems for every Russian tank, Blinken said.",
                 "10", "system", "anti-tank systems for every Russian tank"),
        _counted("r1", "It provided 10 anti-tank systems to attack the Russian warplanes.",
                 "10", "system", "anti-tank systems to attack the Russian warplanes"),
    ]  # fmt: skip
    assert "conflict:referent" in kinds(compare_reports(other, idf_of(other)))


def test_a_bound_refines_only_a_figure_near_it() -> None:
    """ "more than 200 delegates" (a lead) holds "2,383 delegates" (needed to win) but says
    nothing of it; "more than 200" does refine "214". A toll is the exception: "at least 76
    dead" and "at least 1,014 dead" are one toll as it grows."""

    def delegates(article_id: str, text: str, written: str, qualifier: str | None) -> Report:
        at = text.index(written)
        found = Claim("quantity", float(written.replace(",", "")), Span(at, at + len(written)),
                      Span(0, len(text)), unit="delegate", qualifier=qualifier)  # fmt: skip
        return report(article_id, text, claims=[found])

    lead = delegates("r0", "Clinton had a lead of more than 200 delegates in the race.", "200",
                     "more than")  # fmt: skip
    for figure, refines in (("2,383", False), ("214", True)):
        text = f"Clinton had a lead of {figure} delegates in the race, her campaign said."
        reports = [lead, delegates("r1", text, figure, None)]
        assert (REFINES in kinds(compare_reports(reports, idf_of(reports)))) is refines
    texts = (
        "The agency said the earthquake killed at least 76 people in Turkey.",
        "The agency said the earthquake killed at least 1,014 people in Turkey.",
    )
    reports = []
    for i, (text, n) in enumerate(zip(texts, ("76", "1,014"), strict=True)):
        at = text.index(n)
        toll = Claim("count_of_people", float(n.replace(",", "")), Span(at, at + len(n)),
                     Span(0, len(text)), unit="people", qualifier="at least")  # fmt: skip
        reports.append(report(f"r{i}", text, claims=[toll]))
    assert REFINES in kinds(compare_reports(reports, idf_of(reports)))


def test_a_weekday_alone_is_no_agreement() -> None:
    """Many facts of one event happen on its Tuesday: two sentences that share nothing but
    the weekday do not agree on anything; two that say what happened that day do."""
    rels = relations(
        "Sanders held a rally at the university in State College on Tuesday night.",
        "Within the Trump campaign on Tuesday night, euphoria mixed with eagerness.",
    )
    assert AGREE not in kinds(rels, "date")
    rels = relations(  # one word in common next to the day is not enough either
        "Clinton spoke to voters on Tuesday about the primary results in Ohio.",
        "Trump mocked voters on Tuesday during a rally in Texas, aides said.",
    )
    assert AGREE not in kinds(rels, "date")
    rels = relations(
        "Bernie Sanders won the New Hampshire primary on Tuesday, defeating Clinton.",
        "Sanders scored a decisive victory in the New Hampshire primary on Tuesday.",
    )
    assert AGREE in kinds(rels, "date")


def test_same_sum_for_different_things_is_a_referent_conflict() -> None:
    texts = (
        "Trump was released after bonding out on $200,000 cash on Thursday.",
        "Trump was released on a $200,000 bond on Thursday after booking.",
    )
    reports = [claimed(f"r{i}", t, "200,000", 200000.0, "money") for i, t in enumerate(texts)]
    rels = compare_reports(reports, idf_of(reports))
    assert "conflict:referent" in kinds(rels)
    assert not any(r.relation == "conflict:name" for r in rels)  # "bonding" / "booking"


@pytest.mark.parametrize(
    "texts",
    [
        (  # a day says when, not what the sum is for
            ("Alphabet saw its market value drop by $100 billion on Wednesday.", "Wednesday"),
            ("Alphabet saw its market value drop by $100 billion due to the error.", None),
        ),
        (  # "due" after the sum names nothing the money is
            ("Bard's first mistake cost $100 billion for Alphabet Inc.", "Alphabet Inc"),
            ("Bard's first mistake cost a whopping $100 billion due to an error.", None),
        ),
    ],
)
def test_words_that_name_no_thing_are_no_referent(
    texts: tuple[tuple[str, str | None], ...],
) -> None:
    reports = [
        claimed(f"r{i}", t, "100 billion", 100e9, "money", referent)
        for i, (t, referent) in enumerate(texts)
    ]
    rels = compare_reports(reports, idf_of(reports))
    assert not [r for r in rels if r.is_conflict]


def test_the_same_long_figure_agrees_wherever_it_stands() -> None:
    """An unround figure both reports write is one fact even in unlike sentences (a stats
    table and a match report); two different long figures are two things, never a conflict."""
    rels = relations(
        "Attendance 43,217. Referee Anna Lopez.",
        "Spain won in front of a baying crowd of 43,217 at Eden Park.",
    )
    [agreed] = [r for r in rels if r.relation == AGREE]
    assert agreed.kind == "number" and all("43,217" in s.text for s in agreed.sides)
    # a comma or a full stop after the figure ends it
    rels = relations(
        "James passed the mark of 38,387, set in 1989, with a fadeaway.",
        "He now has more than Abdul-Jabbar's 38,387.",
    )
    [agreed] = [r for r in rels if r.relation == AGREE]
    assert agreed.kind == "number" and all("38,387" in s.text for s in agreed.sides)
    rels = relations(
        "Attendance 43,217. Referee Anna Lopez.",
        "Spain won in front of a baying crowd of 43,218 at Eden Park.",
    )
    assert not [r for r in rels if r.kind == "number"]


def test_a_date_against_a_weekday_for_one_fact() -> None:
    """August 19, 2023 was a Saturday: a report that says the storm made landfall then and one
    that says it made landfall on Sunday contradict each other."""
    sunday = "Hilary made landfall on Sunday morning over the coast of Baja California."
    rels = relations(
        "Hilary made landfall on August 19, 2023 over the coast of Baja California.", sunday
    )
    [conflict] = [r for r in rels if r.relation == "conflict:date"]
    marked = set()
    for side in conflict.sides:
        assert side.highlight is not None
        marked.add(side.text[side.highlight.start - side.start : side.highlight.end - side.start])
    assert marked == {"August 19, 2023", "Sunday morning"}
    # the same day said two ways agrees with itself: no conflict
    saturday = "Hilary made landfall on Saturday morning over the coast of Baja California."
    rels = relations(
        "Hilary made landfall on August 19, 2023 over the coast of Baja California.", saturday
    )
    assert "conflict:date" not in kinds(rels)
    # the year from the publication date when the text gives none
    rels = relations(
        "Hilary made landfall on August 19 over the coast of Baja California.",
        sunday,
        published="2023-08-21",
    )
    assert "conflict:date" in kinds(rels)
    # a report naming the other's day elsewhere knows both moments
    rels = relations(
        "Hilary made landfall on August 19, 2023 over the coast of Baja California. "
        "Rain went on through Sunday.",
        sunday,
    )
    assert "conflict:date" not in kinds(rels)
    # unlike sentences: two facts
    rels = relations(
        "The storm formed on August 19, 2023 far to the south.",
        "Hilary made landfall on Sunday morning over the coast of Baja California.",
    )
    assert "conflict:date" not in kinds(rels)


def test_a_bare_decimal_measuring_an_earthquake_is_its_magnitude() -> None:
    texts = [
        "A subsequent earthquake measuring 5.8 struck three minutes later near Samandag.",
        "Another 5.8 magnitude tremor struck three minutes later near Samandag.",
    ]
    reports = [claimed(f"r{i}", text, "5.8", 5.8) for i, text in enumerate(texts)]
    assert AGREE in kinds(compare_reports(reports, idf_of(reports)), "number")
    # not without an earthquake in the sentence, nor without "measuring"
    for text in ("The index rose 5.8 points by noon.", "A second tremor of 5.8 followed."):
        lone = [claimed("r0", text, "5.8", 5.8), reports[1]]
        assert AGREE not in kinds(compare_reports(lone, idf_of(lone)), "number")


def test_a_storms_winds_change_by_the_hour() -> None:
    """Wind speeds conflict only when both reports say when (or neither does, on one day);
    one report's "early Friday" against another's unstated time is two moments."""

    def winds(text: str, mph: float, published: str | None = None) -> Report:
        at = text.index(f"{mph:g} mph")
        found = Claim("quantity", mph, Span(at, at + len(f"{mph:g} mph")), Span(0, len(text)),
                      unit="mph")  # fmt: skip
        return report(f"r{mph:g}", text, claims=[found], published=published)

    same_time = [
        winds("Hilary carried sustained winds of 60 mph on Sunday near the coast.", 60),
        winds("Hilary carried sustained winds of 70 mph on Sunday near the coast.", 70),
    ]
    assert "conflict:number" in kinds(compare_reports(same_time, idf_of(same_time)))
    one_says_when = [
        winds("Hilary carried sustained winds of 145 mph early Friday near the coast.", 145),
        winds("Hilary carried sustained winds of 60 mph near the coast.", 60),
    ]
    assert not any(r.is_conflict for r in compare_reports(one_says_when, idf_of(one_says_when)))
    later = [
        winds(
            "Hilary carried sustained winds of 60 mph near the coast.", 60, published="2023-08-19"
        ),
        winds(
            "Hilary carried sustained winds of 70 mph near the coast.", 70, published="2023-08-20"
        ),
    ]
    rels = compare_reports(later, idf_of(later))
    assert UPDATE in kinds(rels) and not any(r.is_conflict for r in rels)


def test_two_days_another_report_writes_both_are_two_moments() -> None:
    """A report dating the derailment and one dating the burn of its cars, in one event, do not
    conflict when a third report writes both days: they are two moments of the story."""
    derailed = "The freight train derailed in East Palestine, Ohio, on February 3."
    burned = "The derailed freight train burned in East Palestine, Ohio, on February 6."
    both = "The train derailed on February 3 and its cars were burned on February 6."
    assert "conflict:date" in kinds(relations(derailed, burned))
    assert "conflict:date" not in kinds(relations(derailed, burned, both))


def _won(article_id: str, text: str, subject: str, what: str) -> Report:
    at = text.index(subject)
    end = text.index(what) + len(what)
    event = Claim(
        "event", f"win {what}", Span(at, end), Span(0, len(text)),
        referent=what, subject=subject, predicate="win",
    )  # fmt: skip
    return report(article_id, text, claims=[event])


def test_who_won_which_title_agrees_only_on_the_same_title() -> None:
    """Who did what agrees when the same subject did the same to the same thing: "won record
    of the year" and "won song of the year" are two awards, however alike the sentences."""
    a = _won("r0", "Lizzo won record of the year at the Grammys.", "Lizzo", "record of the year")
    b = _won("r1", "Lizzo won song of the year at the Grammys.", "Lizzo", "song of the year")
    c = _won("r2", "Lizzo also won record of the year on Sunday.", "Lizzo", "record of the year")
    agreed = {
        frozenset(s.article_id for s in r.sides)
        for r in compare_reports([a, b, c], idf_of([a, b, c]))
        if r.kind == "event" and r.relation == AGREE
    }
    assert agreed == {frozenset({"r0", "r2"})}


def test_a_relative_clause_is_not_the_subject_of_what_was_done() -> None:
    """ "Judge Gonzalo Curiel, who is handling lawsuits against Trump University, has emerged"
    is the judge's doing, not Trump's: no agreement with "Trump had emerged"."""

    def emerged(article_id: str, text: str, subject: str) -> Report:
        at = text.index(subject)
        event = Claim("event", "emerge", Span(at, text.index("emerged") + 7), Span(0, len(text)),
                      subject=subject, predicate="emerge")  # fmt: skip
        return report(article_id, text, claims=[event])

    judge = "Judge Gonzalo Curiel, who is handling lawsuits against Trump University,"
    a = emerged("r0", f"{judge} has emerged as a target of the campaign in the case.", judge)
    b = emerged("r1", "Trump had emerged as a leading candidate over the course of the case.",
                "Trump")  # fmt: skip
    c = emerged("r2", "Gonzalo Curiel has emerged as a target of the campaign in the case.",
                "Gonzalo Curiel")  # fmt: skip
    agreed = {
        frozenset(s.article_id for s in r.sides)
        for r in compare_reports([a, b, c], idf_of([a, b, c]))
        if r.kind == "event" and r.relation == AGREE
    }
    assert agreed == {frozenset({"r0", "r2"})}


def aged(
    article_id: str,
    text: str,
    written: str,
    person: str,
    *,
    named: bool = True,
    names: tuple[str, ...] = (),
    published: str | None = None,
) -> Report:
    """A report whose one claim is an age: ``written`` (its first occurrence) of ``person``."""
    at = text.index(written)
    found = Claim("age", float(written), Span(at, at + len(written)), Span(0, len(text)),
                  unit="year", subject=person, referent=person if named else None)  # fmt: skip
    return report(article_id, text, claims=[found], names=names, published=published)


def age_relations(*reports: Report) -> set[str]:
    return {r.relation for r in compare_reports(reports, idf_of(reports)) if r.kind == "number"}


def test_one_persons_age_agrees_whatever_the_sentences() -> None:
    rels = age_relations(
        aged("r0", "Pervez Musharraf Dies At 79 After Prolonged Illness", "79",
             "Pervez Musharraf"),
        aged("r1", "He was 79.", "79", "Musharraf", named=False),
    )  # fmt: skip
    assert rels == {AGREE}


def test_two_named_ages_of_one_person_conflict_and_a_guessed_one_does_not() -> None:
    a = aged("r0", "James, 38, has averaged 27.2 points a game.", "38", "James")
    b = aged("r1", "LeBron James, 39, scored 38 points.", "39", "LeBron James")
    assert age_relations(a, b) == {"conflict:number"}
    guessed = aged("r2", "The 39-year-old needed 36 points.", "39", "LeBron James", named=False)
    assert age_relations(a, guessed) == set()
    described = aged("r5", "LeBron James, a 39-year-old star, scored.", "39", "LeBron James")
    described = dataclasses.replace(
        described, claims=(dataclasses.replace(described.claims[0], qualifier="described"),)
    )
    assert age_relations(a, described) == set()
    # weeks apart, a year's difference may be a birthday
    later = aged("r3", "LeBron James, 39, scored 40 points.", "39", "LeBron James",
                 published="2023-03-20")  # fmt: skip
    earlier = aged("r4", "James, 38, has averaged 27.2 points a game.", "38", "James",
                   published="2023-02-07")  # fmt: skip
    assert age_relations(earlier, later) == set()


def test_a_name_two_people_share_is_nobodys_age() -> None:
    # the event names LeBron and Bronny James: "James, 38" and "James, 18" are two people
    father = aged("r0", "LeBron James watched. James, 38, cheered.", "38", "James",
                  names=("LeBron James",))  # fmt: skip
    son = aged("r1", "Bronny James played. James, 18, scored.", "18", "James",
               names=("Bronny James",))  # fmt: skip
    assert age_relations(father, son) == set()
    alone = aged("r1", "Bronny played. James, 18, scored.", "18", "James")
    assert age_relations(father, alone) == {"conflict:number"}  # one James: LeBron's age


def tolls(*items: tuple[str, str, float, str | None], verbs: Sequence[str | None] = ()) -> set[str]:
    """Relations between people counts: (text, written, value, publication day) per report,
    with the counts' verbs."""
    reports = []
    for i, (text, written, value, day) in enumerate(items):
        at = text.index(written)
        verb = verbs[i] if verbs else None
        found = Claim("count_of_people", value, Span(at, at + len(written)), Span(0, len(text)),
                      unit="people", predicate=verb)  # fmt: skip
        reports.append(report(f"r{i}", text, claims=[found], published=day))
    return {r.relation for r in compare_reports(reports, idf_of(reports)) if r.kind == "number"}


def test_the_verb_of_a_count_says_whom_it_counts_before_the_words_around() -> None:
    # "six people died and 294 people were injured": 294 are injured, not dead
    injured = "AFAD said that six people died and 294 people were injured in Hatay."
    hurt = "AFAD said that 294 people were hurt in Hatay on Monday."
    dead = "AFAD said that 294 people died in Hatay on Monday."
    day = "2023-02-21"
    assert tolls((injured, "294", 294, day), (hurt, "294", 294, day),
                 verbs=("injure", "hurt")) == {AGREE}  # fmt: skip
    assert tolls((injured, "294", 294, day), (dead, "294", 294, day),
                 verbs=("injure", "die")) == set()  # fmt: skip


def test_a_toll_without_a_day_is_no_rival_count() -> None:
    a = "Officials said 7,003 people were injured in the quake in Turkey."
    b = "Officials said 5,383 people were injured in the quake in Turkey."
    same_day = tolls((a, "7,003", 7003, "2023-02-06"), (b, "5,383", 5383, "2023-02-06"))
    assert same_day == {"conflict:number"}
    assert tolls((a, "7,003", 7003, None), (b, "5,383", 5383, "2023-02-06")) == set()


def test_no_refinement_when_the_other_sentence_has_the_figure() -> None:
    a = "The minister said 213 people were injured in the quake."
    b = "The minister said 213 people were injured, while over 130 people were injured in Idlib."
    reports = []
    for i, text in enumerate((a, b)):
        found = []
        for written in ("213", "over 130"):
            if written in text:
                at = text.index(written)
                value = float(written.split()[-1])
                qualifier = "over" if written.startswith("over") else None
                found.append(Claim("count_of_people", value, Span(at, at + len(written)),
                                   Span(0, len(text)), unit="people", qualifier=qualifier,
                                   predicate="injure"))  # fmt: skip
        reports.append(report(f"r{i}", text, claims=found, published="2023-02-20"))
    rels = {r.relation for r in compare_reports(reports, idf_of(reports)) if r.kind == "number"}
    assert rels == {AGREE}


def test_results_of_one_match_agree_or_conflict_and_of_two_matches_neither() -> None:
    final = "Spain beat England 1-0 in the final in Sydney on Sunday."
    assert kinds(relations(final, "Spain beat England 2-0 in the final in Sydney on Sunday.")) >= {
        "conflict:number"
    }
    # in words, as British papers write it
    in_words = relations(final, "Spain beat England one-nil in the final in Sydney.")
    assert AGREE in kinds(in_words, "number")
    # one match from either side: the loser of one is the winner of the other's loss
    assert AGREE in kinds(
        relations(
            "England beat Australia 3-1 to reach the final in Sydney.",
            "Australia suffered a 3-1 semi-final loss to England in Sydney.",
        )
    )
    # the third-place match in a report of the final; an earlier round of the same side
    assert not any(
        r.is_conflict
        for r in relations(final, "In the third-place match, Sweden defeated host Australia 2-0.")
    )
    assert kinds(
        relations(
            "Spain reached the final with a 2-1 win over Sweden on Tuesday.",
            "Spain met Sweden after a hard-fought 2-1 victory over the Netherlands on Friday.",
        ),
        "number",
    ) <= {"unique"}
    # a running score in a live blog is no result
    assert not any(
        r.is_conflict for r in relations("1-1 min. 62: Sam Kerr scores for Australia.", final)
    )


def test_a_unanimous_vote_and_a_split_one() -> None:
    unanimous = "The bank's monetary committee voted unanimously on Tuesday to raise the rate."
    split = "The bank's monetary committee voted 5-2 for the increase on Tuesday."
    assert "conflict:number" in kinds(relations(unanimous, split))
    assert AGREE in kinds(relations(split, "The monetary committee voted 5-2 for the rise."))
    assert AGREE in kinds(relations(unanimous, "The monetary committee voted 7-0 for the rise."))
    # a range of percentages beside a vote is no tally
    assert "conflict:number" not in kinds(
        relations(
            "Cantons with a turnout of 72-75 percent voted in favour of the ban.",
            "Cantons with a turnout of 60-65 percent voted in favour of the ban.",
        ),
        "number",
    )


def test_a_qualified_time_of_day_is_a_span_of_minutes() -> None:
    # "just after 4:30 p.m." holds 4:35; "about 9 pm" holds 9:10
    assert AGREE in kinds(
        relations(
            "The controlled release began just after 4:30 p.m. ET on Monday.",
            "The controlled release began at 4:35 p.m. on Monday, officials said.",
        )
    )
    assert "conflict:number" not in kinds(
        relations(
            "The train derailed at about 9 pm on Friday near the state line.",
            "The train derailed at 9:10 pm on Friday near the state line.",
        )
    )
    # a bound holds a time without saying it: no agreement, and no conflict either
    rels = kinds(
        relations(
            "The fire at the plant started after 9 pm, the chief said.",
            "The fire at the plant started at 11:30 pm, the chief said.",
        ),
        "time",
    )
    assert rels == {REFINES}
    # unqualified, two times of one start still conflict; a bound beside one of them ("after
    # 5 pm checks") is no other value the other time would match
    for first in (
        "The lander started its descent at 5.45 pm and landed by 6.04 pm.",
        "The lander started its descent at 5.45 pm after 5 pm checks and landed by 6.04 pm.",
    ):
        assert "conflict:number" in kinds(
            relations(
                first, "The lander started the descent at 5:20 pm IST and touched down at 6:04."
            )
        )


def _counts(article_id: str, text: str, *written: str) -> Report:
    """A report whose claims count contests, one per figure ``written`` (first occurrences)."""
    found = []
    for w in written:
        at = text.index(w)
        found.append(Claim("quantity", float(w), Span(at, at + len(w)), Span(0, len(text)),
                           unit="contest", referent="contests"))  # fmt: skip
    return report(article_id, text, claims=found)


def test_a_share_of_the_latest_ones_is_no_count_to_agree_on() -> None:
    """ "six of the past seven contests" / "seven of the past eight contests": the "seven" of
    one is the length of a run, of the other a count of wins."""
    shares = [
        _counts("r0", "Sanders has won 6 of the past 7 contests in the primary race.", "6", "7"),
        _counts("r1", "Sanders has won 7 of the past 8 contests in the primary race.", "7", "8"),
    ]
    assert AGREE not in kinds(compare_reports(shares, idf_of(shares)), "number")
    plain = [
        _counts("r0", "Sanders has won 7 contests in the primary race so far.", "7"),
        _counts("r1", "Sanders has now won 7 contests in the primary race.", "7"),
    ]
    assert AGREE in kinds(compare_reports(plain, idf_of(plain)), "number")


def test_two_days_after_the_same_words_conflict_in_sentences_otherwise_unlike() -> None:
    """Dev, the balloon: "downed off the coast of South Carolina on Feb. 5 by an AIM-9X
    Sidewinder missile ..." / "shot down a Chinese spy balloon off the coast of South Carolina
    on February 4 ...": the rest is told in other words (the sentences are too unlike for two
    dates to conflict), but the same five words lead to each day."""
    downed = (
        "The balloon was downed off the coast of South Carolina on Feb. 5 by an AIM-9X "
        "Sidewinder missile fired from an F-22 Raptor of the 1st Fighter Wing at Langley."
    )
    shot = ("US military fighter jets shot down a Chinese spy balloon off the coast of South "
            "Carolina on February 4 shortly after it left land.")  # fmt: skip
    assert "conflict:date" in kinds(relations(downed, shot, published="2023-02-06"))
    # other words before the days: nothing says the two are one happening
    north = downed.replace("South Carolina", "North Carolina")
    assert "conflict:date" not in kinds(relations(north, shot, published="2023-02-06"))
