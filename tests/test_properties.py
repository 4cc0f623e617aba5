"""Property tests: mutated inputs never make a reader raise; offsets always round-trip."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.config import Config
from storylens.ingest import Format, ReadContext, read_bytes
from storylens.ingest.encoding import clean_text
from storylens.ingest.jsonl import read_json_stream
from storylens.ingest.warc import read_warc
from storylens.model import Article, Reject, paragraph_spans
from tests.ingest.test_warc import write_warc

FIXTURES = Path(__file__).parent / "fixtures"
CTX = ReadContext(config=Config())
SEEDS = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.is_file()]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=20))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 50))]
    return bytes(data)


def _check(results: list[Article | Reject]) -> None:
    for r in results:
        assert isinstance(r, Article | Reject)
        if isinstance(r, Article):
            assert r.text and r.text == clean_text(r.text)
            for span in r.paragraphs:
                assert span.of(r.text).strip() == span.of(r.text) != ""


def _read(data: bytes, fmt: Format | None) -> list[Article | Reject]:
    try:
        return list(read_bytes(data, "fuzz", CTX, fmt=fmt))
    except Exception as exc:  # typed input errors are allowed; the batch turns them into rejects
        from storylens.errors import InputError

        assert isinstance(exc, InputError), repr(exc)
        return []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=mutated(),
    fmt=st.sampled_from(
        [None, Format.HTML, Format.FEED, Format.TEXT, Format.DATED_TEXT, Format.JSON]
    ),
)
def test_every_reader_survives_mutations(data: bytes, fmt: Format | None) -> None:
    _check(_read(data, fmt))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _check(_read(data, None))


def _warc_bytes() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.warc"
        write_warc(path, gz=False)
        return path.read_bytes()


WARC = _warc_bytes()


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(0, len(WARC)), pos=st.integers(0, len(WARC) - 1), byte=st.integers(0, 255))
def test_warc_reader_survives_damage(cut: int, pos: int, byte: int) -> None:
    data = bytearray(WARC)
    data[pos] = byte
    try:
        _check(list(read_warc(io.BytesIO(bytes(data[:cut])), "fuzz.warc", CTX)))
    except Exception as exc:
        from storylens.errors import InputError

        assert isinstance(exc, InputError), repr(exc)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)), max_size=8)
)
def test_jsonl_reader_survives_any_lines(lines: list[bytes]) -> None:
    data = b"\n".join(lines)
    try:
        _check(list(read_json_stream(io.BytesIO(data), "fuzz.jsonl", CTX)))
    except Exception as exc:
        from storylens.errors import InputError

        assert isinstance(exc, InputError), repr(exc)


@given(st.text(alphabet=st.sampled_from("ab .\n\t\r \u00a0é"), max_size=300))
def test_paragraph_spans_round_trip(text: str) -> None:
    cleaned = clean_text(text)
    spans = paragraph_spans(cleaned)
    assert [s.of(cleaned) for s in spans] == [p.strip() for p in cleaned.split("\n\n") if p.strip()]
    assert clean_text(cleaned) == cleaned


# letters, UTF-8 lead and continuation bytes as windows-1252 shows them, controls, spaces
_MOJIBAKE_ALPHABET = "ab .\n\r\t\u00a0\u00ad\u2028\ufeffÃÂâ€±§¡é’“\x83\u0303A"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_MOJIBAKE_ALPHABET), max_size=80))
def test_cleaning_clean_text_changes_nothing(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned


@given(st.text(max_size=300), st.integers(min_value=10, max_value=120))
def test_opening_words_are_the_texts_own_words(text: str, limit: int) -> None:
    from storylens.model import opening_words

    out = opening_words(text, limit)
    assert len(out) <= limit + 1
    words = " ".join(next((ln for ln in text.splitlines() if ln.strip()), "").split())
    assert words.startswith(out.removesuffix("…").rstrip())
    if len(words) > limit:
        assert out.endswith("…")
    else:
        assert out == words


def test_an_untitled_article_is_shown_by_its_opening_words() -> None:
    text = (
        "US State Secretary Antony Blinken reiterated his support for Ukraine amid the war with "
        "Russia and stated that there will soon be more anti-tank systems.\nMore text."
    )
    a = Article(
        id="x", url=None, outlet=None, title="", published=None, language="en", text=text,
        source="test", content_hash="h",
    )  # fmt: skip
    assert a.display_title == (
        "US State Secretary Antony Blinken reiterated his support for Ukraine amid the war with…"
    )
    titled = Article(
        id="y", url=None, outlet=None, title=" Blinken in Brussels ", published=None,
        language="en", text=text, source="test", content_hash="h",
    )  # fmt: skip
    assert titled.display_title == "Blinken in Brussels"


@settings(deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(["", "a total of ", "an additional ", "about "]),
)
def test_a_written_integer_reads_as_itself(n: int, before: str) -> None:
    from storylens.enrich.quantities import parse_number

    assert parse_number(f"{before}{n:,}") == n
    assert parse_number(f"{before}{n}") == n


BAD_LINES = st.one_of(
    st.lists(st.integers(), max_size=3).map(lambda v: json.dumps(v)),  # an array
    st.sampled_from(['"text"', "null", "42", "true", "{", "{'id': 1}", '{"id": "x"}', "]"]),
    st.text(alphabet="[]{}:,\"' abc", max_size=12).filter(lambda s: s.strip() != ""),
)


@settings(max_examples=120, deadline=None)
@given(
    good=st.lists(st.integers(0, 10**6), min_size=1, max_size=4, unique=True),
    bad=st.lists(BAD_LINES, max_size=5),
    order=st.randoms(use_true_random=False),
)
def test_good_json_lines_survive_bad_neighbours(good: list[int], bad: list[str], order) -> None:  # type: ignore[no-untyped-def]
    """Whatever bad lines stand around them (first line included), every good record of a
    JSON Lines file is read and no bad line becomes an article."""
    lines = [json.dumps({"id": f"g{n}", "text": f"Report number {n}."}) for n in good] + bad
    order.shuffle(lines)
    if len(lines) == 1:
        lines.append("")  # one record alone is a one-record file, read either way
    data = ("\n".join(lines) + "\n").encode()
    results = list(read_json_stream(io.BytesIO(data), "f.jsonl", CTX))
    assert sorted(a.id for a in results if isinstance(a, Article)) == sorted(f"g{n}" for n in good)
    assert sum(isinstance(r, Reject) for r in results) == len(bad)
