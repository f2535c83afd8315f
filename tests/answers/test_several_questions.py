"""Several questions in one message (issue 15, item 3): the clearest is answered, the pages of the
others are offered below in one line, a question that matches nothing is not offered, and when
none matches the usual "no answer" comes. Typed as people type: Romanian without diacritics,
Bulgarian in Latin letters and in Cyrillic. By words (the tests' default); by words and meaning in
test_semantic.py.
"""

from __future__ import annotations

from bot.answers.questions import questions
from tests.answers.talk import offered_also, shown_page
from tests.auxil.chat import Chat

ALSO_RO = "Ați întrebat și despre: "
ALSO_BG = "Попитахте и за: "
PREGNANT = (
    "buna ziua. sunt insarcinata in 5 luni si nu am asigurare. cum fac asigurare medicala? "
    "unde gasesc un medic ginecolog? copilul meu de 8 ani poate merge la scoala?"
)


async def test_a_pregnant_womans_three_questions_get_one_answer_and_two_offers(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say(PREGNANT)
    answered = shown_page(chat, "ro")
    assert answered is not None and "Verificat la data de" in text  # a page, shown as usual
    others = offered_also(chat, ALSO_RO)
    assert len(others) == 2, text
    asked = {answered, *others}
    assert asked & {"health/pregnancy", "health/doctor"}  # the gynaecologist
    assert asked & {"health/insurance", "health/no-insurance"}
    assert "school/enrollment" in asked
    # the line names what else was understood, and says where to choose
    line = next(r.text for r in chat.last if r.text.startswith(ALSO_RO))
    assert "\n" not in line and line.endswith("Alegeți mai jos.")
    tree = chat.app.library.current.tree
    assert all(tree.text(n, "ro").title in line for n in others)
    # the numbers go on across the replies: typing the last offer's number opens it
    number = len(chat.choices)
    text = await chat.say(str(number))
    assert shown_page(chat, "ro") == others[-1]


async def test_two_questions_joined_by_si_are_both_seen(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("cum imi fac asigurare medicala si unde gasesc un medic pentru copil?")
    asked = {shown_page(chat, "ro"), *offered_also(chat, ALSO_RO)}
    assert ALSO_RO in text
    assert "health/insurance" in asked
    assert asked & {"health/doctor", "health/checkups"}


async def test_words_joined_by_si_are_not_cut_into_nonsense(chat: Chat) -> None:
    await chat.say("/language ro")
    assert questions("am nevoie de asigurare si medic") == []
    assert questions("cum si unde ma inregistrez?") == ["cum si unde ma inregistrez?"]
    text = await chat.say("am nevoie de asigurare si medic")
    assert ALSO_RO not in text
    assert shown_page(chat, "ro") is not None or "La care vă referiți" in text


async def test_a_question_that_matches_nothing_is_not_offered(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("unde gasesc medic de familie? cine a castigat meciul de fotbal aseara?")
    assert shown_page(chat, "ro") == "health/doctor"
    assert ALSO_RO not in text  # the football question is left out, not offered as some page


async def test_when_no_question_matches_the_usual_decline(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("cine a castigat meciul de fotbal aseara? cat costa o pizza mare?")
    assert "încă nu am un răspuns" in text
    assert ALSO_RO not in text and shown_page(chat, "ro") is None


async def test_latin_bulgarian_two_questions(chat: Chat) -> None:
    await chat.say("/language bg")
    text = await chat.say(
        "zdraveite. kak da si napravya zdravna osigurovka? kade da zapisha deteto na uchilishte?"
    )
    assert "Проверено на" in text
    asked = {shown_page(chat, "bg"), *offered_also(chat, ALSO_BG)}
    assert ALSO_BG in text
    assert {"health/insurance", "school/enrollment"} <= asked


async def test_latin_bulgarian_joined_by_i(chat: Chat) -> None:
    await chat.say("/language bg")
    text = await chat.say("kak da si napravya zdravna osigurovka i kade da namerya lichen lekar")
    asked = {shown_page(chat, "bg"), *offered_also(chat, ALSO_BG)}
    assert ALSO_BG in text
    assert {"health/insurance", "health/doctor"} <= asked


async def test_latin_bulgarian_si_is_no_joiner(chat: Chat) -> None:
    await chat.say("/language bg")
    assert questions("kak da si napravya zdravna osigurovka") == ["kak da si napravya zdravna osigurovka"]
    text = await chat.say("kak da si napravya zdravna osigurovka")
    assert shown_page(chat, "bg") == "health/insurance"
    assert ALSO_BG not in text


async def test_cyrillic_bulgarian_two_questions(chat: Chat) -> None:
    await chat.say("/language bg")
    text = await chat.say("Как да си направя здравна осигуровка? Къде да регистрирам адреса си?")
    asked = {shown_page(chat, "bg"), *offered_also(chat, ALSO_BG)}
    assert ALSO_BG in text
    assert {"health/insurance", "housing/registration"} <= asked
    await chat.press("Адресна регистрация")
    assert shown_page(chat, "bg") == "housing/registration"
