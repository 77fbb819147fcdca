"""Names of a package imported when first used (PEP 562), so that importing one part of a
package does not load all of it: the deck model without the YAML loader (cardsdealt.deck),
the deck cache without the session code (cardsdealt.session), a game without its end-of-game
summary (cardsdealt.engine). This keeps the way to the first card short (bench/)."""

from __future__ import annotations

import sys
from importlib import import_module


def exports(package: str, where: dict[str, str]):
    """`__getattr__` and `__dir__` for `package`, whose name N is defined in its module
    `where[N]` (imported, and kept on the package, the first time N is asked for)."""

    def __getattr__(name: str):
        if name in where:
            value = getattr(import_module(f"{package}.{where[name]}"), name)
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(where))

    return __getattr__, __dir__
