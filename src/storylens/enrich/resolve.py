"""Match an article's local entities to the store's entities, creating new ones as needed.

Lookup keys: ``p:<surname>`` for persons; ``n:<name key>`` for other names; ``a:<initials>``
for organisations with multi-word names, which only an acronym-shaped mention may use (two
full names are never tied by their initials).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from storylens.enrich.aliases import (
    acronym,
    first_names_match,
    is_acronym,
    name_key,
    normalise,
    person_parts,
)
from storylens.enrich.grouping import LocalEntity


class EntityStore(Protocol):
    """What resolution needs of the store (:class:`~storylens.store.Store` provides it)."""

    def entity_candidates(self, keys: Sequence[str]) -> dict[int, str]: ...
    def entity_aliases(self, entity_ids: Sequence[int]) -> dict[int, Counter[str]]: ...
    def create_entity(self, label: str, keys: Sequence[str]) -> int: ...
    def add_entity_keys(self, entity_id: int, keys: Sequence[str]) -> None: ...


class ArticleEntities:
    """The store as resolution sees it while one article's groups are resolved: the names
    given to an entity by the article's earlier groups count as its aliases, though their
    mentions are saved only once the whole article is resolved. Without this, "Bill Clinton"
    and then "Hillary Clinton" in one new article became one person: the first's entity had
    no first name on record yet, so the second took it for the same surname seen bare."""

    def __init__(self, store: EntityStore) -> None:
        self.store = store
        self.added: dict[int, Counter[str]] = {}

    def entity_candidates(self, keys: Sequence[str]) -> dict[int, str]:
        return self.store.entity_candidates(keys)

    def entity_aliases(self, entity_ids: Sequence[int]) -> dict[int, Counter[str]]:
        out = self.store.entity_aliases(entity_ids)
        for e in entity_ids:
            if e in self.added:
                out.setdefault(e, Counter()).update(self.added[e])
        return out

    def create_entity(self, label: str, keys: Sequence[str]) -> int:
        return self.store.create_entity(label, keys)

    def add_entity_keys(self, entity_id: int, keys: Sequence[str]) -> None:
        self.store.add_entity_keys(entity_id, keys)

    def resolved(self, entity_id: int, group: LocalEntity) -> None:
        """Record that ``group`` became ``entity_id``."""
        self.added.setdefault(entity_id, Counter()).update(group.names)


def resolve(group: LocalEntity, store: EntityStore) -> int:
    """The store entity ``group`` belongs to (registering its keys on it)."""
    if group.is_person:
        entity_id = _resolve_person(group, store)
        store.add_entity_keys(entity_id, [f"p:{group.surname}"])
        return entity_id
    lookup, register = _name_keys(group)
    candidates = store.entity_candidates(lookup)
    if not candidates:
        return store.create_entity(group.label, register)
    if len(candidates) == 1:
        entity_id = next(iter(candidates))
    else:  # several: the most mentioned, the oldest on a tie
        counts = store.entity_aliases(list(candidates))
        entity_id = max(candidates, key=lambda e: (sum(counts[e].values()), -e))
    store.add_entity_keys(entity_id, register)
    return entity_id


def _name_keys(group: LocalEntity) -> tuple[list[str], list[str]]:
    names = {name_key(n) for n in group.names}
    register = [f"n:{k}" for k in sorted(names)] + [f"n:{a}" for a in sorted(group.acronyms)]
    lookup = list(register)
    for name in group.names:
        if is_acronym(name):
            lookup.append(f"a:{normalise(name)}")
        elif group.label == "ORG" and (initials := acronym(name)):
            register.append(f"a:{initials}")
    return lookup, register


def _resolve_person(group: LocalEntity, store: EntityStore) -> int:
    candidates = store.entity_candidates([f"p:{group.surname}"])
    person_ids = [e for e, label in candidates.items() if label == "PERSON"]
    if not person_ids:
        return store.create_entity("PERSON", [f"p:{group.surname}"])
    aliases = store.entity_aliases(person_ids)
    firsts = {
        e: {f for a in aliases[e] if (f := person_parts(a)[0]) is not None} for e in person_ids
    }
    full = [e for e in person_ids if firsts[e]]
    bare = [e for e in person_ids if not firsts[e]]
    if group.first is None:
        # A surname alone is tied to a full name only when that name is the only one known.
        if len(full) == 1:
            return full[0]
        return bare[0] if bare else store.create_entity("PERSON", [f"p:{group.surname}"])
    compatible = [e for e in full if any(first_names_match(group.first, f) for f in firsts[e])]
    exact = [e for e in compatible if group.first in firsts[e]]
    if len(exact) == 1:
        return exact[0]
    if len(compatible) == 1:
        return compatible[0]
    if compatible:  # several compatible (initials): the most mentioned
        return max(compatible, key=lambda e: (sum(aliases[e].values()), -e))
    if bare and not full:  # "Blinken" seen before, now "Antony Blinken": the same person
        return bare[0]
    return store.create_entity("PERSON", [f"p:{group.surname}"])
