"""Events: the reports of one real-world happening, grouped as articles arrive.

``featurize`` embeds enriched articles, ``Clusterer`` assigns them to events, ``build_events``
summarises the events for people (CLI, API).
"""

from storylens.events.cluster import Clusterer, ClusterReport
from storylens.events.features import featurize
from storylens.events.summary import build_events, independent_sources

__all__ = ["ClusterReport", "Clusterer", "build_events", "featurize", "independent_sources"]
