"""Words of a medical emergency or danger, which put the 112 line first whatever else is answered.

Staff keep them in ``content/_safety/words.<lang>.txt``: one phrase a line, as people type them
(without diacritics, Bulgarian also in Latin letters), ``#`` starts a comment, a word ending in
``*`` matches every word starting with it ("sanger*": sângerez, sângerare). The lists of all
languages are used together: people mix languages and alphabets. ``content check`` reports lines
that cannot work (empty after folding, a prefix too short to be safe) and duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.common.issues import Issue, Severity
from bot.common.phrases import Phrase, tokens

FOLDER = "_safety"
MIN_PREFIX = 4  # "sang*" still names bleeding; "sa*" would match half of every sentence


@dataclass(frozen=True, slots=True)
class SafetyWords:
    """Every language's phrases; :meth:`language_of` says whose list a message hit first."""

    phrases: tuple[tuple[str, Phrase], ...] = ()  # (language, phrase)

    def language_of(self, text: str) -> str | None:
        """The language of the first list that has a phrase in the text, or None (no danger word)."""
        words = tokens(text)
        for lang, phrase in self.phrases:
            if phrase.found_in(words):
                return lang
        return None


def load_safety(content_dir: Path, languages: list[str]) -> tuple[SafetyWords, list[Issue]]:
    issues: list[Issue] = []
    folder = content_dir / FOLDER
    found: list[tuple[str, Phrase]] = []
    for lang in languages:
        path = folder / f"words.{lang}.txt"
        if not path.is_file():
            # a warning: the other languages' lists still work (people mix languages)
            severity = Severity.WARNING
            issues.append(Issue(path, 1, severity, f"no emergency words in {lang}: add words.{lang}.txt"))
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            issues.append(Issue(path, 1, Severity.ERROR, f"cannot read file: {exc}"))
            continue
        seen: dict[tuple[str, ...], int] = {}
        for number, line in enumerate(lines, start=1):
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            phrase = Phrase.parse(text)
            if not phrase.words:
                issues.append(Issue(path, number, Severity.ERROR, f"no word left in {text!r}"))
                continue
            short = [
                w for w, star in zip(phrase.words, phrase.prefix, strict=True) if star and len(w) < MIN_PREFIX
            ]
            if short:
                issues.append(
                    Issue(
                        path,
                        number,
                        Severity.ERROR,
                        f"prefix {short[0]}* is shorter than {MIN_PREFIX} letters: it matches ordinary words",
                    )
                )
                continue
            if phrase.words in seen:
                issues.append(
                    Issue(path, number, Severity.WARNING, f"{text!r} is already on line {seen[phrase.words]}")
                )
                continue
            seen[phrase.words] = number
            found.append((lang, phrase))
    return SafetyWords(tuple(found)), issues
