"""Keys of typed words, phrases and labels: the spellings people use meet the lists halfway."""

from __future__ import annotations

from bot.common.phrases import Phrase, covered, parse_list, tokens
from bot.core.typed import label_choice


def test_spellings_meet() -> None:
    assert tokens("Mulțumesc frumos!") == tokens("multumesc frumos")
    assert tokens("благодаря") == tokens("blagodarq") == tokens("blagodarya")
    assert tokens("Моите часове") == tokens("moite 4asove")
    assert tokens("мой час") == tokens("moj 4as")
    assert tokens("Înapoi") == tokens("inapoi") and tokens("назад") == tokens("nazad")
    assert tokens("DAAA") == tokens("da")
    assert tokens("la 10.30") == ["la", "10:30"] and tokens("09:30") == ["9:30"]


def test_phrases_with_prefixes() -> None:
    bleeding = Phrase.parse("sanger*")
    assert bleeding.found_in(tokens("sângerez tare")) and bleeding.found_in(tokens("SANGERARE"))
    chest = Phrase.parse("ma doare pieptul")
    assert chest.found_in(tokens("Mă doare pieptul de ieri")) and not chest.found_in(tokens("ma doare capul"))
    yes = parse_list("da, sigur, da te rog")
    assert covered(tokens("Da, te rog!"), yes) and not covered(tokens("da si nu"), yes)
    assert covered(tokens("da te rog"), yes[:1], frozenset({"te", "rog"}))


CHOICES = [
    ("booking:slot:a", "09:30"),
    ("booking:slot:b", "10:00"),
    ("booking:slot:c", "10:30"),
    ("back", "⬅️ Înapoi"),
    ("home", "🏠 Meniul principal"),
]
FILLER = frozenset({"la", "ora", "vreau"})


def test_a_label_named_in_words() -> None:
    assert label_choice("10:00", CHOICES, FILLER) == "booking:slot:b"
    assert label_choice("la 10", CHOICES, FILLER) == "booking:slot:b"
    assert label_choice("vreau ora 10.30", CHOICES, FILLER) == "booking:slot:c"
    assert label_choice("9:30", CHOICES, FILLER) == "booking:slot:a"
    assert label_choice("meniu", CHOICES, FILLER) == "home"
    assert label_choice("INAPOI", CHOICES, FILLER) == "back"


def test_vague_or_unknown_words_choose_nothing() -> None:
    for text in ("11", "banana", "la", "x", "10 banana", "meniu inapoi", ""):
        assert label_choice(text, CHOICES, FILLER) is None, text
    days = [("d1", "joi, 26 noiembrie"), ("d2", "joi, 3 decembrie"), ("d3", "luni, 30 noiembrie")]
    assert label_choice("joi", days, FILLER) is None  # two Thursdays
    assert label_choice("joi 26", days, FILLER) == "d1" and label_choice("luni", days, FILLER) == "d3"


def test_free_text_steps_take_only_a_full_label() -> None:
    skip = [("booking:skip", "⏭️ Săriți peste"), ("back", "⬅️ Înapoi")]
    assert label_choice("sariti peste", skip, FILLER, partial=False) == "booking:skip"
    assert label_choice("Sari", skip, FILLER, partial=False) is None  # a name, not "skip"
