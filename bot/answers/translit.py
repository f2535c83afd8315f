"""Latin-script Bulgarian ("shlyokavitsa") → Cyrillic, with a lexicon to settle ambiguous letters.

People type Bulgarian in Latin letters in many ways: ``sh``/``6`` = ш, ``ch``/``4`` = ч,
``sht``/``6t`` = щ, ``zh`` = ж, ``ts`` = ц, ``ya``/``ja``/``q`` = я, ``yu``/``ju`` = ю, ``w`` = в,
and ``a``, ``u`` or ``y`` for ъ. Each word is cut into segments, each with its possible Cyrillic
letters (the usual one first). Spellings with few unusual choices are tried first; the first one a
Bulgarian lexicon knows wins, else the usual spelling is taken.

cyrtranslit was measured and not used: it maps ``j`` to ь and leaves ``c``, ``x``, ``w``, ``q`` and the
digits as they are, so it would need every one of these rules on top anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import combinations, product

# longest first; each entry: Latin spelling → Cyrillic options, the usual one first
_SEGMENTS: dict[str, tuple[str, ...]] = {
    "sht": ("щ",),
    "sch": ("щ", "сч"),
    "6t": ("щ", "шт"),
    "zh": ("ж",),
    "ch": ("ч",),
    "sh": ("ш", "сх"),
    "ts": ("ц", "тс"),
    "tz": ("ц",),
    "ya": ("я",),
    "ja": ("я", "жа"),
    "yu": ("ю",),
    "ju": ("ю", "жу"),
    "yo": ("йо",),
    "jo": ("йо", "жо"),
    "ia": ("ия", "я"),
    "iu": ("ию", "ю"),
    "a": ("а", "ъ"),
    "b": ("б",),
    "c": ("ц", "к"),
    "d": ("д",),
    "e": ("е",),
    "f": ("ф",),
    "g": ("г",),
    "h": ("х",),
    "i": ("и", "й"),
    "j": ("й", "ж"),
    "k": ("к",),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "q": ("я",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у", "ъ"),
    "v": ("в",),
    "w": ("в",),
    "x": ("х", "кс"),
    "y": ("ъ", "й", "и"),
    "z": ("з",),
    "4": ("ч",),
    "6": ("ш",),
    "'": ("ъ",),
    "`": ("ъ",),
}
_LONGEST = max(len(k) for k in _SEGMENTS)
MAX_UNUSUAL = 2  # at most this many non-usual letters per word: keeps the search small and plausible


def segments(word: str) -> list[tuple[str, ...]] | None:
    """The word cut into options (greedy, longest spelling first); None if a character is unknown."""
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(word):
        for size in range(min(_LONGEST, len(word) - i), 0, -1):
            options = _SEGMENTS.get(word[i : i + size])
            if options is not None:
                out.append(options)
                i += size
                break
        else:
            return None
    return out


def spellings(word: str) -> Iterator[str]:
    """Cyrillic spellings of a Latin word, the most usual first."""
    parts = segments(word)
    if parts is None:
        return
    yield "".join(p[0] for p in parts)
    choice_points = [i for i, p in enumerate(parts) if len(p) > 1]
    for count in range(1, min(MAX_UNUSUAL, len(choice_points)) + 1):
        for positions in combinations(choice_points, count):
            for picks in product(*(parts[i][1:] for i in positions)):
                letters = [p[0] for p in parts]
                for i, pick in zip(positions, picks, strict=True):
                    letters[i] = pick
                yield "".join(letters)


class Transliterator:
    """Latin-script Bulgarian words to Cyrillic, using ``known`` (a lexicon lookup) to choose."""

    def __init__(self, known: Callable[[str], bool]) -> None:
        self._known = known
        self.word = lru_cache(maxsize=20000)(self._word)

    def _word(self, word: str) -> str:
        first = ""
        for candidate in spellings(word):
            if not first:
                first = candidate
            if self._known(candidate):
                return candidate
        return first or word
