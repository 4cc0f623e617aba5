"""The public API is what __all__ says, and everything in it exists (after httpx's test)."""

import storylens


def test_all_members_exist() -> None:
    for name in storylens.__all__:
        assert hasattr(storylens, name), name


def test_public_names_are_exported() -> None:
    public = {n for n in dir(storylens) if not n.startswith("_")}
    modules = {
        "config",
        "errors",
        "model",
        "pipeline",
        "store",
        "ingest",
        "dedup",
        "evaluate",
        "cli",
    }
    assert public - modules - set(storylens.__all__) == set()
