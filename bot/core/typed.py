"""A shown choice named in words: "da" for "Da, anulați", "la 10" for "10:00", "joi" for a Thursday.

Only the choices last shown count, and only a single one: when the words fit two choices equally,
nothing is chosen (the step asks again), so a vague word can never confirm or delete anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.common.phrases import tokens

MIN_STEM = 4  # "anul" for "anulați"/"anulez", "conf" for "confirmați"
LOOSE_END = 3  # inflected endings may differ by this many letters: "meniu"/"meniul", "anuleaza"/"anulati"


def _same_word(typed: str, label: str) -> bool:
    if typed == label:
        return True
    if typed.isdecimal():
        # a bare hour stands for the full hour on a time button: "10" → "10:00"
        return int(typed) <= 23 and label == f"{int(typed)}:00"
    if typed.isdecimal() or label.isdecimal() or ":" in label:
        return False
    if _hard_sign(typed, label):
        return True
    common = 0
    for a, b in zip(typed, label, strict=False):
        if a != b:
            break
        common += 1
    return common >= MIN_STEM and common >= min(len(typed), len(label)) - LOOSE_END


def _hard_sign(typed: str, label: str) -> bool:
    """Bulgarian ъ (keyed "a") typed as "u" or "y": "bulgarski" for "български"."""
    if len(typed) != len(label) or len(typed) < 5:
        return False
    differ = [(a, b) for a, b in zip(typed, label, strict=True) if a != b]
    return len(differ) == 1 and differ[0][0] in "uy" and differ[0][1] == "a"


def _fits(typed: list[str], label: list[str]) -> bool:
    return bool(typed) and all(any(_same_word(w, lw) for lw in label) for w in typed)


def _exact(typed: list[str], label: list[str], loose: bool) -> bool:
    if not loose:
        return typed == label
    return len(typed) == len(label) and all(_same_word(w, lw) for w, lw in zip(typed, label, strict=True))


def _enough(typed: list[str]) -> bool:
    """Not a lone letter: at least a number or two letters."""
    return any(w.isdecimal() or ":" in w or len(w) >= 2 for w in typed)


def label_choice(
    text: str,
    choices: Sequence[tuple[str, str]],
    filler: frozenset[str],
    partial: bool = True,
) -> str | None:
    """The action of the one choice whose label the text names, or None.

    A label typed in full wins. With ``partial``, words that all fit one label also count ("10",
    "anulati", "joi 26"); filler words ("la", "vreau", "te rog") are ignored in that case. Without
    it, only the label itself (case, diacritics and spelling aside) counts.
    """
    typed = tokens(text)
    labels = [(action, tokens(label)) for action, label in choices]
    exact = [action for action, label in labels if label and _exact(typed, label, partial)]
    if len(set(exact)) == 1:
        return exact[0]
    if not partial or exact:
        return None
    meaningful = [w for w in typed if w not in filler]
    if not _enough(meaningful):
        return None
    fitting = {action for action, label in labels if _fits(meaningful, label)}
    return fitting.pop() if len(fitting) == 1 else None
