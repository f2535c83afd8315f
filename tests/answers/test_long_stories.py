"""Long stories (issue 15, item 4): read up to 4,000 characters, the question at the end answered;
beyond, the first 4,000 are read and the person is told so in one line, never refused. Typed as
people type: Romanian without diacritics, Bulgarian in Latin letters and in Cyrillic. By words (the
tests' default); by words and meaning in test_semantic.py.
"""

from __future__ import annotations

from tests.answers.talk import shown_page
from tests.auxil.chat import Chat
from tests.auxil.stories import BG_CYRILLIC_STORY, BG_LONGER, BG_STORY, RO_LONGER, RO_STORY

INSURANCE = {"health/insurance", "health/no-insurance"}
REFUSED = ("prea lung", "твърде дълго")


async def test_a_3000_character_romanian_story_gets_the_page_of_its_question(chat: Chat) -> None:
    assert len(RO_STORY) >= 3000
    await chat.say("/language ro")
    text = await chat.say(RO_STORY)
    assert shown_page(chat, "ro") in INSURANCE
    assert "Verificat la data de" in text
    assert not any(word in text for word in REFUSED) and "am citit doar" not in text


async def test_a_3000_character_latin_bulgarian_story_gets_the_page_of_its_question(chat: Chat) -> None:
    assert len(BG_STORY) >= 3000
    await chat.say("/language bg")
    text = await chat.say(BG_STORY)
    assert shown_page(chat, "bg") == "school/enrollment"
    assert "Проверено на" in text
    assert not any(word in text for word in REFUSED) and "прочетох само" not in text


async def test_a_cyrillic_bulgarian_story_gets_the_page_of_its_question(chat: Chat) -> None:
    await chat.say("/language bg")
    await chat.say(BG_CYRILLIC_STORY)
    assert shown_page(chat, "bg") == "housing/registration"


async def test_a_6000_character_romanian_message_is_read_to_4000_and_answered(chat: Chat) -> None:
    assert len(RO_LONGER) >= 6000
    await chat.say("/language ro")
    text = await chat.say(RO_LONGER)
    first = chat.last[0].text
    assert first.startswith("Mesajul este foarte lung: am citit doar primele 4")  # "4.000" in ro
    assert "\n" not in first and not chat.last[0].choices  # one line, then the answer
    assert shown_page(chat, "ro") in INSURANCE
    assert not any(word in text for word in REFUSED)


async def test_a_6000_character_bulgarian_message_is_read_to_4000_and_answered(chat: Chat) -> None:
    assert len(BG_LONGER) >= 6000
    await chat.say("/language bg")
    await chat.say(BG_LONGER)
    first = chat.last[0].text
    assert first.startswith("Съобщението е много дълго: прочетох само първите 4")
    assert "\n" not in first
    assert shown_page(chat, "bg") == "school/enrollment"


async def test_what_is_past_4000_characters_is_not_read(chat: Chat) -> None:
    await chat.say("/language ro")
    # the only question comes after the first 4,000 characters: it is not read
    text = await chat.say("Buna ziua. " + "Am venit in Germania cu familia. " * 130 + "Unde fac Anmeldung?")
    assert "am citit doar primele" in chat.last[0].text
    assert shown_page(chat, "ro") != "housing/registration"
    assert "Înregistrarea domiciliului" not in text
