"""``storylens eval ...``: quality figures on labelled data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storylens.cli.common import console, print_json, state
from storylens.evaluate import evaluate_dedup

app = typer.Typer(help="Measure quality on labelled data.", no_args_is_help=True)


@app.command("dedup")
def dedup_cmd(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines with id and near_duplicate_of.", exists=True, dir_okay=False
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Near-duplicate precision, recall and F1 against gold ``near_duplicate_of`` links."""
    scores = evaluate_dedup(file, state(ctx).config)
    if as_json:
        print_json(scores)
    else:
        for key, value in scores.items():
            console.print(f"{key:>16}: {value}")


@app.command("quotes")
def quotes_cmd(
    directory: Annotated[
        Path,
        typer.Argument(
            help="PolNeAR layout: text/ and attributions/.", exists=True, file_okay=False
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N texts.")] = None,
) -> None:
    """Source, cue and content precision, recall and F1 (exact and overlap)."""
    from storylens.enrich.quote_eval import evaluate_quotes

    scores = evaluate_quotes(directory, limit)
    if as_json:
        print_json(scores)
        return
    for role in ("source", "cue", "content"):
        row = scores[role]
        assert isinstance(row, dict)
        console.print(f"{role:>8}: exact {row['exact']}  overlap {row['overlap']}")
    console.print(f"documents: {scores['documents']}, seconds: {scores['seconds']}")


@app.command("events")
def events_cmd(
    file: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines with id and a gold event label.", exists=True, dir_okay=False
        ),
    ],
    gold_field: Annotated[
        str, typer.Option(help="The field holding the gold event.")
    ] = "gold_event",
    poll: Annotated[
        int,
        typer.Option(
            min=0,
            help="Bring the articles in polls of this many (each ingested, enriched and "
            "clustered before the next, as watch does); 0: one batch.",
        ),
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Ingest, enrich and cluster FILE in a temporary store; B-cubed and pairwise scores."""
    from storylens.events.evaluate import evaluate_events

    scores = evaluate_events(file, gold_field, poll=poll)
    if as_json:
        print_json(scores)
        return
    for key, value in scores.items():
        console.print(f"{key:>16}: {value}")


@app.command("compare")
def compare_cmd(
    articles: Annotated[
        Path, typer.Argument(help="JSON Lines articles.", exists=True, dir_okay=False)
    ],
    discrepancies: Annotated[
        Path,
        typer.Argument(help="Gold agreement/discrepancy records.", exists=True, dir_okay=False),
    ],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    details: Annotated[
        bool, typer.Option("--details", help="Also list every gold record, found or not.")
    ] = False,
) -> None:
    """Ingest, enrich, cluster and compare ARTICLES in a temporary store; score the relations
    against the gold records: conflict recall, false alarms, agreement recall."""
    from storylens.compare.evaluate import evaluate_compare

    scores = evaluate_compare(articles, discrepancies)
    records = scores.pop("details")
    if details:
        scores["details"] = records
    if as_json:
        print_json(scores)
        return
    conflicts, apparent, agreements = scores["conflicts"], scores["apparent"], scores["agreements"]
    console.print(
        f"conflicts: recall {conflicts['recall']} (type accuracy {conflicts['type_accuracy']}, "
        f"n={conflicts['n']})"
    )
    console.print(f"apparent: false-alarm rate {apparent['false_alarm_rate']} (n={apparent['n']})")
    console.print(f"agreements: recall {agreements['recall']} (n={agreements['n']})")
    console.print(
        f"flagged conflicts: {scores['flagged_conflicts']} over {scores['events']} events; "
        f"{scores['articles']} articles in {scores['seconds']} s"
    )
