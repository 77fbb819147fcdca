"""A tiny counter-based random generator, so that a game's randomness saves as two integers.

`random.Random.getstate()` is a 625-number tuple that is awkward in JSON; here the state is
just (seed, counter) and every draw is a SplitMix64 hash of the two. Saving, loading and
replaying are therefore exact by construction, and the sequence never depends on the Python
version.
"""

from __future__ import annotations

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


class Rng:
    """Deterministic draws from (seed, counter). `stream` separates independent uses of a seed
    (the game's dealing and, say, an autoplayer) so they never share numbers."""

    __slots__ = ("seed", "counter", "_base")

    def __init__(self, seed: int, counter: int = 0, stream: int = 0) -> None:
        self.seed = int(seed)
        self.counter = int(counter)
        self._base = _mix((self.seed * _GOLDEN + stream * 0xD1B54A32D192ED03) & _MASK)

    def next64(self) -> int:
        self.counter += 1
        return _mix((self._base + self.counter * _GOLDEN) & _MASK)

    def random(self) -> float:
        """A float in [0, 1)."""
        return (self.next64() >> 11) * (1.0 / (1 << 53))

    def below(self, n: int) -> int:
        """An int in [0, n) (n >= 1)."""
        return (self.next64() * n) >> 64

    def pick_weighted(self, items: list, weights: list[float]):
        """One item, each with probability proportional to its weight (all weights > 0)."""
        r = self.random() * sum(weights)
        for item, w in zip(items, weights, strict=True):
            r -= w
            if r < 0:
                return item
        return items[-1]

    def shuffle(self, items: list) -> None:
        """Fisher-Yates, in place."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
