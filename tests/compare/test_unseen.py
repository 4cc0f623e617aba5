"""The comparison on news it was not written against: PolNeAR's political news of 2016.

An audit (benchmarks/compare_audit.py, docs/compare.md) read every conflict the comparison
flagged on PolNeAR's events: 13 of 15 were wrong. The reports of those events run through the
whole pipeline here, with the audit's findings as gold records: the wrong ones must stay
unflagged, the two right ones ("Mario Rubio", "March Rubio") found.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from storylens.compare.evaluate import evaluate_compare

TEXTS = [
    "breitbart_2016-03-01_the-latest-sanders-wins-minnesot",
    "breitbart_2016-03-15_the-latest-kasich-scores-all-del",
    "breitbart_2016-03-15_the-latest-sanders-declares-revo",
    "huff-post_2016-03-16_donald-trump-got-more-votes-in-o",
    "huff-post_2016-04-27_bernie-sanders-suffered-a-big-bl",
    "nyt_2016-02-04_polls-miss-trump-s-fall-in-iowa-",
    "nyt_2016-04-21_crucial-wins-for-clinton-and-tru",
    "nyt_2016-04-28_nomination-almost-certain-clinto",
    "usa-today_2016-01-29_absent-trump-derides-debate-cruz",
    "usa-today_2016-02-02_maybe-trump-hasn-t-rewritten-rul",
    "usa-today_2016-03-02_no-clear-path-points-to-white-ho",
    "usa-today_2016-04-28_sanders-lays-off-more-than-campa",
    "usa-today_2016-09-01_trump-didn-t-need-to-meet-with-p",
    "wash-post_2016-01-31_can-the-gop-establishment-stop-t",
    "wash-post_2016-02-02_no-clear-favorites-going-into-ne",
    "wash-post_2016-04-17_cruz-wins-most-wyo-delegates-in-",
    "wash-post_2016-09-01_trump-appeared-to-break-down-wal",
    "west-journal_2016-04-15_breaking-trump-campaign-just-mad",
]

# (article a, what a says, article b, what b says, genuine conflict)
FINDINGS = [
    ("usa-today_2016-03-02_no-clear-path-points-to-white-ho", "Marco Rubio (44 years old)",
     "breitbart_2016-03-01_the-latest-sanders-wins-minnesot", "Neither John Kasich nor Mario Rubio",
     "yes"),
    ("breitbart_2016-03-01_the-latest-sanders-wins-minnesot", "March Rubio was",
     "usa-today_2016-03-02_no-clear-path-points-to-white-ho", "Marco Rubio (44 years old)", "yes"),
    ("usa-today_2016-09-01_trump-didn-t-need-to-meet-with-p", "what is good for Americans",
     "wash-post_2016-09-01_trump-appeared-to-break-down-wal", "deserve everybody's respect", "no"),
    ("west-journal_2016-04-15_breaking-trump-campaign-just-mad", "Wyoming will select 23 of its",
     "wash-post_2016-04-17_cruz-wins-most-wyo-delegates-in-", "winning 14 delegates", "no"),
    ("breitbart_2016-03-15_the-latest-kasich-scores-all-del", "first reported by Politico",
     "huff-post_2016-03-16_donald-trump-got-more-votes-in-o", "HuffPost Politics podcast", "no"),
    ("wash-post_2016-01-31_can-the-gop-establishment-stop-t", "four remaining mainstream",
     "nyt_2016-02-04_polls-miss-trump-s-fall-in-iowa-", "Four mainstream conservative", "no"),
    ("huff-post_2016-04-27_bernie-sanders-suffered-a-big-bl", "seeing the Democratic primary",
     "nyt_2016-04-21_crucial-wins-for-clinton-and-tru", "six in 10 Democrats", "no"),
]  # fmt: skip


def _finding(a: str, what_a: str, b: str, what_b: str, genuine: str) -> str:
    record = {
        "event": "audit",
        "article_a": a,
        "what_a_says": what_a,
        "article_b": b,
        "what_b_says": what_b,
        "kind": "name-spelling",
        "genuine_conflict": genuine,
    }
    return json.dumps(record) + "\n"


def _text(polnear: Path, stem: str) -> str:
    for split in ("train", "dev"):
        path = polnear / split / "text" / f"{stem}.txt"
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{stem}.txt not in {polnear}/train or dev")


def test_what_the_audit_found_wrong_stays_unflagged(shared: Path, tmp_path: Path) -> None:
    polnear = shared / "eval" / "polnear"
    if not (polnear / "metadata.tsv").exists():
        pytest.skip(f"PolNeAR not found in {polnear}")
    with (polnear / "metadata.tsv").open(encoding="utf-8") as fh:
        meta = {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}
    articles = tmp_path / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as fh:
        for stem in TEXTS:
            row = meta[stem]
            record = {
                "id": stem,
                "title": row["title"],
                "outlet": row["publisher"],
                "published": row["publication_date"],
                "text": _text(polnear, stem),
            }
            fh.write(json.dumps(record) + "\n")
    gold = tmp_path / "findings.jsonl"
    gold.write_text("".join(_finding(*f) for f in FINDINGS), encoding="utf-8")
    scores = evaluate_compare(articles, gold)
    assert scores["apparent"] == {"false_alarm_rate": 0.0, "n": 5}
    assert scores["conflicts"]["recall"] == 1.0 and scores["conflicts"]["n"] == 2
