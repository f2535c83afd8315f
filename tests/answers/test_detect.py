"""Which language a message is written in, among the bot's languages."""

from __future__ import annotations

from bot.answers.detect import detect
from bot.answers.index import Index


def test_cyrillic_is_bulgarian(index: Index) -> None:
    found = detect(index, "Как да си направя здравна осигуровка?", "ro")
    assert (found.lang, found.other) == ("bg", "bg")


def test_latin_script_bulgarian_is_recognised(index: Index) -> None:
    for text in [
        "kak da si napravya zdravna osigurovka",
        "nqmam osigurovka kakvo da pravq",
        "iskam da zapi6a deteto na u4ili6te",
        "tarsq rabota v dortmund",
    ]:
        assert detect(index, text, "ro").other == "bg", text


def test_romanian_without_diacritics_stays_romanian(index: Index) -> None:
    found = detect(index, "am nevoie de asigurare medicala pentru copii", "ro")
    assert (found.lang, found.other) == ("ro", None)


def test_german_official_words_do_not_change_the_language(index: Index) -> None:
    found = detect(index, "unde fac Anmeldung si Wohnungsgeberbestätigung", "ro")
    assert (found.lang, found.other) == ("ro", None)
    found = detect(index, "къде да си направя Anmeldung", "bg")
    assert (found.lang, found.other) == ("bg", None)


def test_german_and_english_sentences(index: Index) -> None:
    assert detect(index, "Ich brauche eine Wohnung in Dortmund", "ro").other == "de"
    assert detect(index, "I need a flat in Dortmund please", "ro").other == "en"


def test_one_or_two_words_use_the_users_language(index: Index) -> None:
    assert detect(index, "Kindergeld", "ro").other is None
    assert detect(index, "health insurance", "ro").other is None
    assert detect(index, "осигуровка", "ro").other is None
