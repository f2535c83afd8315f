"""Normalisation, transliteration and stemming: the ways newcomers write the same word."""

from __future__ import annotations

from bot.answers.normalize import fold, words
from bot.answers.stem import bulgarian_lexicon, stemmer
from bot.answers.translit import Transliterator, spellings


def test_romanian_cedilla_and_comma_letters_and_no_diacritics_meet() -> None:
    assert fold("asigurare de sănătate") == fold("asigurare de sanatate")
    assert fold("ş ţ") == fold("ș ț") == "s t"
    assert fold("ÎNSCRIERE") == "inscriere"


def test_german_umlauts_and_sharp_s() -> None:
    assert fold("Bürgergeld") == "burgergeld"
    assert fold("Straße") == "strasse"
    assert fold("Wohnungsgeberbestätigung") == "wohnungsgeberbestatigung"


def test_cyrillic_keeps_its_letters() -> None:
    assert fold("Здравна Осигуровка Й") == "здравна осигуровка й"
    assert words("Как да си направя осигуровка?") == ["как", "да", "си", "направя", "осигуровка"]


def test_nfc_and_nfd_are_the_same_word() -> None:
    assert fold("a\u0306") == fold("ă") == "a"


def known(word: str) -> bool:
    return word in bulgarian_lexicon()  # type: ignore[operator]


def test_informal_latin_bulgarian() -> None:
    t = Transliterator(known)
    assert t.word("napravq") == "направя"  # q = я
    assert t.word("u4ili6te") == "училище"  # 4 = ч, 6t = щ
    assert t.word("zapi6a") == "запиша"  # 6 = ш
    assert t.word("zdravna") == "здравна"
    assert t.word("kyshta") == "къща"  # y = ъ
    assert t.word("tarsya") == "търся"  # a = ъ, where the lexicon says so
    assert t.word("wreme") == "време"  # w = в
    assert t.word("deteto") == "детето"
    assert t.word("yu") == "ю"


def test_unknown_latin_words_get_the_usual_spelling() -> None:
    assert next(spellings("jobcenter")) == "йобцентер"
    assert Transliterator(lambda w: False).word("sht") == "щ"


def test_stemming_per_language() -> None:
    assert stemmer("ro")("asigurarea") == stemmer("ro")("asigurare")
    assert stemmer("de")("krankenkassen") == stemmer("de")("krankenkasse")
    assert stemmer("en")("registering") == stemmer("en")("register")
    assert stemmer("bg")("осигуровката") == stemmer("bg")("осигуровка")
    assert stemmer("xx")("word") == "word"
