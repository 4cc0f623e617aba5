"""API latency under load: 20 concurrent clients for 60 s against 10,000 stored articles.

    python benchmarks/api_load.py [--n 10000] [--clients 20] [--seconds 60]

The store is filled with synthetic news from the templates of benchmarks/events_scale.py
(events of 1-30 reports; entities, terms and vectors from the templates, sentences split by
punctuation; spaCy over 10,000 articles would take 15 minutes) and clustered. `storylens
serve` then runs in its own process on 127.0.0.1, and the clients, in this process,
request in turn the events list (one of its first ten pages), an event page (one of 200 events)
and a search (two words of the templates); they run as tasks on one event loop. Each of the 200
event pages is requested once
before the clock starts, as a reader's first visit fills the per-event cache (the cold cost is
printed apart). Printed: requests, errors, and p50 / p95 / p99 latency per endpoint, in ms.
Target (issue 6): event page p95 <= 50 ms, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _scale_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "events_scale", ROOT / "benchmarks" / "events_scale.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fill(db: Path, n: int) -> None:
    from storylens.events.cluster import Clusterer
    from storylens.model import Sentence
    from storylens.store.sqlite import SQLiteStore

    scale = _scale_module()
    store = SQLiteStore(db)
    gen = scale.Generator()
    plans = gen.events(n)
    entity_ids: dict[str, int] = {}
    for offset in range(0, n, 1000):
        scale.store_batch(store, gen, plans[offset : offset + 1000], offset, entity_ids)
        with store.transaction():
            for i in range(offset, min(n, offset + 1000)):
                stored = store.get(f"s{i}")
                assert stored is not None
                text = stored.article.text
                sentences = []
                for m in re.finditer(r"[^.]+\.?", text):
                    words = tuple(w.strip(",:").lower() for w in m.group().split() if len(w) > 3)
                    if words:
                        sentences.append(Sentence(m.start(), m.end(), words))
                store.save_sentences(stored.article.id, sentences)
        Clusterer(store).run()
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        started = time.perf_counter()
        fill(db, args.n)
        print(f"filled {args.n} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "storylens",
                "--db",
                str(db),
                "serve",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            run(base, args)
        finally:
            server.terminate()
            server.wait(timeout=30)


class _Connection:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: a load generator in Python
    must cost the machine far less per request than the server it measures (httpx costs
    about as much as the server's own handling, and the two share the cores)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _load(
    base: str,
    args: argparse.Namespace,
    endpoints: dict[str, Any],
    latencies: dict[str, list[float]],
    errors: dict[str, int],
) -> None:
    """``args.clients`` clients on one event loop, each with its own keep-alive connection,
    each sending its next request as soon as the last is answered."""
    deadline = time.perf_counter() + args.seconds
    names = list(endpoints)
    url = httpx.URL(base)

    async def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = _Connection(url.host, url.port or 80)
        i = seed
        try:
            while time.perf_counter() < deadline:
                name = names[i % len(names)]
                i += 1
                path, params = endpoints[name](rng)
                target = path + ("?" + urlencode(params) if params else "")
                t0 = time.perf_counter()
                try:
                    ok = await conn.get(target) == 200
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    await conn.close()
                    conn = _Connection(url.host, url.port or 80)
                latencies[name].append(time.perf_counter() - t0)
                errors[name] += not ok
        finally:
            await conn.close()

    await asyncio.gather(*(client(s) for s in range(args.clients)))


def run(base: str, args: argparse.Namespace) -> None:
    client = httpx.Client(base_url=base, timeout=30.0)
    for _ in range(200):
        try:
            if client.get("/api/health").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    t = time.perf_counter()
    first = client.get("/api/events", params={"limit": 20})
    list_cold = time.perf_counter() - t
    total = first.json()["total"]
    ids = []
    for p in range(0, min(total, 200), 100):
        ids += [
            e["id"]
            for e in client.get("/api/events", params={"limit": 100, "offset": p}).json()["items"]
        ]
    cold = []
    for event_id in ids:
        t = time.perf_counter()
        client.get(f"/api/events/{event_id}")
        cold.append(time.perf_counter() - t)
    words = [
        "strike union",
        "wildfire evacuate",
        "magnitude rescue",
        "interest inflation",
        "Port Alder",
        "Veloria Bank",
    ]
    endpoints = {
        "events list": lambda rng: ("/api/events", {"limit": 20, "offset": 20 * rng.randrange(10)}),
        "event page": lambda rng: (f"/api/events/{rng.choice(ids)}", None),
        "search": lambda rng: ("/api/search", {"q": rng.choice(words)}),
    }
    latencies: dict[str, list[float]] = {name: [] for name in endpoints}
    errors: dict[str, int] = {name: 0 for name in endpoints}
    asyncio.run(_load(base, args, endpoints, latencies, errors))
    result = {
        "articles": args.n,
        "events": total,
        "clients": args.clients,
        "server_workers": args.workers,
        "seconds": args.seconds,
        "events_list_first_call_ms": round(1000 * list_cold),
        "event_page_first_visit_ms_median": round(1000 * statistics.median(cold), 1),
    }
    for name, values in latencies.items():
        values.sort()
        result[name] = {
            "requests": len(values),
            "errors": errors[name],
            "p50_ms": round(1000 * values[len(values) // 2], 1),
            "p95_ms": round(1000 * values[int(len(values) * 0.95)], 1),
            "p99_ms": round(1000 * values[int(len(values) * 0.99)], 1),
        }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
