from pathlib import Path

from storylens.enrich import Enricher
from storylens.enrich.speakers import as_people, speaker_of
from storylens.model import Mention, Quote, Span
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore


def speakers(store: SQLiteStore, article_id: str) -> list[tuple[str, str | None]]:
    article = store.get(article_id)
    assert article is not None
    names = {e.id: e.name for e in store.entities()}
    return [
        (q.contents[0].of(article.article.text), names.get(q.speaker) if q.speaker else None)
        for q in store.quotes(article_id)
    ]


def speakers_in(text: str, tmp_path: Path, store: SQLiteStore) -> list[tuple[str, str | None]]:
    """Ingest and enrich one article of ``text``; its (content, speaker) pairs."""
    (tmp_path / "a.txt").write_text(text)
    ingest([str(tmp_path / "a.txt")], store, reader_process=False)
    Enricher(store).run()
    [stored] = list(store.articles())
    return speakers(store, stored.article.id)


def test_pronouns_and_roles_resolve_to_the_last_named_person(
    tmp_path: Path, store: SQLiteStore
) -> None:
    got = speakers_in(
        "Transport Minister Dario Fenn visited the site on Monday. He said that all bridges "
        "would be inspected. Later the minister told reporters that the budget was ready.\n\n"
        "Mayor Ilsa Marchetti said the search would go on.",
        tmp_path,
        store,
    )
    assert ("that all bridges would be inspected", "Dario Fenn") in got
    assert ("that the budget was ready", "Dario Fenn") in got
    assert any(name == "Ilsa Marchetti" for _, name in got)


def test_a_person_named_inside_reported_words_is_not_the_next_speaker(
    tmp_path: Path, store: SQLiteStore
) -> None:
    """DeWine is named only inside what Homendy is reported to say: "she" is Homendy."""
    text = (
        "Agency Chair Jennifer Homendy testified on Wednesday.\n\n"
        "Homendy said Governor Mike DeWine was given incomplete information about the cars.\n\n"
        '"They were left out of the room," she said of the company\'s experts.'
    )
    got = dict(speakers_in(text, tmp_path, store))
    assert got['"They were left out of the room,"'] == "Jennifer Homendy"


def test_a_pronoun_prefers_the_person_the_text_is_about(tmp_path: Path, store: SQLiteStore) -> None:
    """The subject of the sentences before comes before a person named since in another role
    (a possessive's relative, the agent of a passive, the place a statement was posted)."""
    got = speakers_in(
        "Singer Mara Quist thanked her fans, her husband and her late uncle Tomas Reyk, who "
        "made her first stage outfits. “I would not be here without them,” she said.\n\n"
        "President Lena Osei wrote on Twitter that rescue teams were on their way. “We will get "
        "through this together,” she wrote.",
        tmp_path,
        store,
    )
    assert ("I would not be here without them", "Mara Quist") in [
        (content.strip("“”,"), name) for content, name in got
    ]
    assert any(name == "Lena Osei" and "get through this" in content for content, name in got)


def test_seeds_quotes_acceptance(shared: Path, store: SQLiteStore) -> None:
    ingest([str(shared / "seeds")], store, reader_process=False)
    Enricher(store).run()
    said = [
        content
        for s in store.articles()
        for content, name in speakers(store, s.article.id)
        if name == "Antony Blinken"
    ]
    assert any("punch to the gut" in c for c in said)
    assert any("We [NATO] will continue" in c for c in said)
    assert len(said) >= 10


def test_a_name_tagged_a_person_once_is_that_person_everywhere() -> None:
    """The tagger calls "Beyoncé" a person once and an organisation later; the later mention,
    the subject of the sentence before the quote, is still her, with her person entity."""
    text = (
        "Beyoncé won four awards. Beyoncé lost the top prizes, breaking the record set by "
        "conductor Georg Solti. “I am trying not to be too emotional,” she said."
    )
    second = text.index("Beyoncé lost")
    solti = text.index("Georg Solti")
    mentions = [
        Mention(0, 7, "PERSON", canonical=1),
        Mention(second, second + 7, "ORG", canonical=2),
        Mention(solti, solti + 11, "PERSON", canonical=3),
    ]
    she = text.index("she said")
    content = Span(text.index("“"), text.index("”") + 1)
    quote = Quote((Span(she + 4, she + 8),), (Span(she, she + 3),), (content,), True)
    assert [m.canonical for m in as_people(text, mentions)] == [1, 1, 3]
    assert speaker_of(quote, text, mentions, [content], {second}) == 1
    assert speaker_of(quote, text, mentions, [content], set()) == 3  # no subject known
