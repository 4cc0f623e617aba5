"""The public API is what __all__ says, and everything in it exists (after httpx's test)."""

import inspect

import storylens


def test_all_members_exist() -> None:
    for name in storylens.__all__:
        assert hasattr(storylens, name), name


def test_public_names_are_exported() -> None:
    public = {
        name
        for name, value in vars(storylens).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(storylens.__all__) - {"__version__"}
