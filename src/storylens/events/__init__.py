"""Events: the reports of one real-world happening, grouped as articles arrive.

``featurize`` embeds enriched articles, ``Clusterer`` assigns them to events, ``build_events``
summarises the events for people (CLI, API).
"""

from storylens.events.cluster import Clusterer, ClusterReport
from storylens.events.features import featurize
from storylens.events.storylines import Storyline, build_storylines, link_storylines
from storylens.events.summary import build_events, independent_sources

__all__ = [
    "ClusterReport",
    "Clusterer",
    "Storyline",
    "build_events",
    "build_storylines",
    "featurize",
    "independent_sources",
    "link_storylines",
]
