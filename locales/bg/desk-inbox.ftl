# Деск: въпроси към консултантския център (bot/desk/inbox.py). Езикът на екипа.

desk-nav-inbox = Въпроси
desk-inbox-title = Въпроси към консултантите
desk-inbox-explain = Отворени въпроси, първо тези, които чакат най-дълго. Отговорът Ви пристига в чата на човека като отговор от консултант.
desk-inbox-drafts-link = Чернови на примерни въпроси
desk-inbox-empty = Няма отворени въпроси.
desk-inbox-col-number = Въпрос
desk-inbox-col-waiting = Чака от
desk-inbox-col-messages = Съобщения
desk-inbox-col-active = Последно съобщение
desk-inbox-col-saved = Запазено
desk-inbox-thread = Въпрос #{ $number }
desk-inbox-answered = с отговор
desk-inbox-back = Всички въпроси
desk-inbox-closed-title = Наскоро затворени
desk-inbox-closed-none = Няма затворени въпроси.
desk-inbox-closed = затворен
desk-inbox-messages = Съобщения
desk-inbox-undelivered = недоставено
desk-inbox-from-person = Човекът
desk-inbox-from-counsellor = Консултант ({ $name })
desk-inbox-answer-title = Отговор
desk-inbox-answer-label = Вашият отговор (човекът пише на { $language })
desk-inbox-answer-send = Изпратете отговора
desk-inbox-draft-title = Запазете като примерен въпрос
desk-inbox-draft-explain = Така ботът се учи от въпросите. Моля, махнете от текста имена, номера и адреси.
desk-inbox-draft-save = Запазете черновата
desk-inbox-close-title = Затваряне
desk-inbox-close-explain = Човекът не получава съобщение. Затворените въпроси се изтриват след известно време.
desk-inbox-close = Затворете въпроса
desk-inbox-drafts-title = Чернови на примерни въпроси
desk-inbox-drafts-explain = Въпроси, запазени от екипа от пощата с въпроси, за съдържанието. Също с „python -m bot inbox drafts“.
desk-inbox-drafts-empty = Още няма чернови.
desk-inbox-wait-minutes = { $count } мин.
desk-inbox-wait-hours = { $count } ч.
desk-inbox-wait-days = { $count ->
    [one] 1 ден
   *[other] { $count } дни
}
desk-inbox-done-answered = Отговорът пристигна в чата на човека.
desk-inbox-done-undelivered = Отговорът е запазен, но не можа да бъде доставен (човекът не е достъпен в чата).
desk-inbox-done-closed = Въпросът е затворен.
desk-inbox-done-draft = Черновата е запазена.
desk-inbox-error-empty = Моля, въведете текст.
desk-inbox-error-closed = Този въпрос вече е затворен.
desk-inbox-error-node = Моля, изберете съдържание.
