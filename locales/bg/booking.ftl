# Записани часове в консултантския център. Кратко и просто; термините от речника.
# booking-entry трябва да остане точно както съдържанието казва на хората да натиснат.

booking-entry = Запишете си час
booking-mine-choice = 📋 Моите записани часове
command-appointments = Вашите записани часове: запишете, преместете или отменете час

booking-topic-prompt = За какво е Вашият въпрос?
booking-topic-health = 🩺 Здравна осигуровка
booking-topic-housing = 🏠 Жилище
booking-topic-school = 🎒 Училище и детска градина (Kita)
booking-topic-work = 💼 Работа и социални помощи
booking-topic-other = ❓ Друго
booking-have = { $count ->
    [one] Вече имате един записан час.
   *[other] Вече имате { $count } записани часа.
}

booking-language-prompt = На какъв език искате консултацията? Показвам само езиците, за които има свободни часове.
booking-none = През следващите седмици няма свободни часове. Моля, елате в приемното време и помолете там да Ви запишат час.
booking-no-days = { $days ->
    [one] През следващия ден няма свободен час на { $language }.
   *[other] През следващите { $days } дни няма свободен час на { $language }.
} Моля, изберете друг език.
booking-day-prompt = Консултация на { $language }. Изберете ден.
booking-later-days = ➡️ По-късни дни
booking-day-full = Този ден вече е зает. Моля, изберете друг ден.
booking-time-prompt = Изберете час за { $day }.
booking-just-taken = Съжалявам, някой току-що зае този час.
booking-next-free = Тези часове още са свободни:
booking-other-day = 📅 Друг ден
booking-same-time = Вече имате записан час по това време. Моля, изберете друг час.
booking-limit = { $count ->
    [one] Вече имате един записан час. Моля, отменете го или го преместете, преди да си запишете нов.
   *[other] Вече имате { $count } записани часа. Моля, отменете или преместете един, преди да си запишете нов.
}

booking-name-prompt = Как е малкото Ви име? Така екипът знае кой сте, когато дойдете. Не е задължително: можете да пропуснете.
booking-name-invalid = Моля, напишете само малкото си име, с букви, най-много { $max } знака. Или пропуснете тази стъпка.
booking-phone-prompt = Какъв е телефонният Ви номер? Екипът ще Ви се обади само ако часът трябва да се промени. Не е задължително: можете да пропуснете.
booking-phone-invalid = Това не прилича на телефонен номер. Моля, напишете го така: 0176 12345678 или +359 88 123 4567. Или пропуснете тази стъпка.
booking-skip = ⏭️ Пропускане

booking-summary = Моля, проверете записания час:
booking-line-when = Кога: { $when }
booking-line-topic = Тема: { $topic }
booking-line-language = Език: { $language }
booking-line-where = Адрес: { $address }
booking-line-name = Малко име: { $name }
booking-line-phone = Телефон: { $phone }
booking-held = Пазя този час за Вас { $minutes ->
    [one] { $minutes } минута.
   *[other] { $minutes } минути.
}
booking-confirm = ✅ Потвърждавам
booking-other-time = 🕒 Друг час
booking-abort = ✖️ Без записване
booking-aborted = Добре, нищо не е записано.

booking-done = ✅ Часът Ви е записан: { $when }.
booking-moved = ✅ Часът Ви е преместен: { $when }.
booking-code = Вашият код: **{ $code }**. Покажете го на рецепцията.
booking-bring = Носете документите си. Вижте списъка „{ $label }“.
booking-free = Записаният час е безплатен.

booking-mine-title = { $count ->
    [one] Вашият записан час:
   *[other] Вашите { $count } записани часа:
}
booking-mine-line = { $when } – { $topic }, { $language } (код { $code })
booking-mine-none = Нямате записани часове.
booking-move-choice = 🕒 Преместване: { $when }
booking-cancel-choice = ✖️ Отмяна: { $when }
booking-cancel-choice-short = ✖️ Отменете часа
booking-moving = Изберете нов час. Сегашният Ви час остава, докато не потвърдите новия.
booking-cancel-ask = Наистина ли искате да отмените записания си час: { $when }?
booking-cancel-yes = Да, отменете го
booking-cancel-no = Не, запазете го
booking-cancelled = Записаният Ви час е отменен: { $when }.
booking-not-found = Не намирам този записан час. Може би вече е отменен или е минал.

booking-reminder = ⏰ Напомняне: имате записан час в консултантския център „Willkommen Europa“: { $when }.
    Адрес: { $address }
    Вашият код: **{ $code }**
    Ако не можете да дойдете, моля, отменете часа.
booking-cancelled-by-staff = ❗ Консултантският център „Willkommen Europa“ трябваше да отмени записания Ви час: { $when }. Причина: { $reason }
    Моля, запишете си нов час. Съжаляваме.

# за екипа на консултантския център (settings.staff_language)
booking-staff-line = { $code } – { $when } – { $language } – { $topic }
booking-staff-new = 📅 Нов записан час: { $booking }
booking-staff-moved = 🔁 Часът { $old } ({ $before }) е преместен: { $booking }
booking-staff-cancelled = ✖️ Отменен от човека: { $booking }
booking-staff-cancelled-by-staff = ✖️ Отменен от екипа: { $booking }
booking-staff-forgotten = ✖️ Отменен, човекът изтри данните си: { $booking }
booking-staff-agenda-title = Записани часове на { $day }: { $count ->
    [one] един час
   *[other] { $count } часа
}
booking-staff-agenda-empty = Няма записани часове на { $day }.
booking-staff-agenda-usage = Употреба: /agenda [ГГГГ-ММ-ДД [ГГГГ-ММ-ДД]] (до 31 дни)
booking-staff-no-show-mark = не дойде
booking-staff-cancel-usage = Употреба: /cancel КОД причина (номер от списъка или ваш текст)
booking-staff-unknown-code = Няма записан час с код { $code }.
booking-staff-cancel-done = Часът { $code } е отменен. { $told ->
    [yes] Човекът е уведомен.
   *[no] Човекът не можа да бъде уведомен.
}
booking-staff-noshow-usage = Употреба: /noshow КОД
booking-staff-noshow-unknown = Няма започнал записан час с код { $code }.
booking-staff-noshow-done = Часът { $code } е отбелязан като „не дойде“.
booking-staff-close-usage = Употреба: /close ГГГГ-ММ-ДД причина
booking-staff-close-past = { $day } е в миналото.
booking-staff-close-done = Вече е неработен ден: { $day }. { $count ->
    [one] Отменен е един час
   *[other] Отменени са { $count } часа
}; уведомени: { $told }.

# Докато приемното време не е потвърдено (contact-point.yml, booking.when_unconfirmed).
# demo: този ред стои във всяка стъпка на записването, в потвърждението, в списъка и в напомнянето.
booking-unconfirmed = ⚠️ Приемното време още не е потвърдено от консултантския център: не разчитайте на този записан час.
# closed: вместо записване
booking-closed = Засега не можете да си запишете час тук: консултантският център „Willkommen Europa“ още не е потвърдил приемното време.
booking-closed-visit = Моля, отидете направо в консултантския център и попитайте там: { $address }
booking-closed-ask = Моля, попитайте направо в консултантския център кога можете да дойдете. Адреса ще намерите по-долу.
# за екипа
booking-staff-unconfirmed = ⚠️ Приемното време не е потвърдено: човекът е предупреден да не разчита на този записан час.
# какво пишат хората, когато търсят записания си час (изрази, разделени със запетая; кирилицата важи и на латиница)
booking-mine-words = мой час, моят час, моя час, моите часове, моите записани часове, записания ми час, записаният ми час, часът ми, кога е часът ми, отменя часа, отмяна на часа, преместя часа, moj 4as, часа си, записан ли съм, записана ли съм
booking-move-note = Сегашният Ви час остава, докато не потвърдите. След потвърждението получавате нов код, а старият код вече не важи.
booking-move-kept = Добре, нищо не е променено. Записаният Ви час на { $when } остава, със същия код.
booking-old-code = Старият код { $code } вече не важи.
booking-move-gone = Записаният час, който искахте да преместите, вече не съществува (отменен е или е минал). Нищо не е променено.
# за избрания час вече не може да се запише (минал е или денят е затворен): никой не го е „заел“
booking-time-gone = Съжалявам, за този час вече не може да се запишете.
# потвърждение, след като времето за пазене е изтекло (booking-held казва колко е)
booking-hold-expired-taken = Можех да пазя този час за Вас само няколко минути. Времето изтече и междувременно някой друг си записа този час.
booking-hold-expired-gone = Можех да пазя този час за Вас само няколко минути. Времето изтече и за този час вече не може да се запишете.
# какво пишат хората, когато искат да си запишат час (изрази, разделени със запетая); само съобщение,
# което не казва нищо друго, започва записването („искам час при лекар“ остава въпрос)
booking-new-words = искам час, искам да си запиша час, да си запиша час, искам да се запиша, запишете ме, запишете ме за час, запиши ме, запиши ме за час, нов час, искам нов час, трябва ми час, записване на час
# какво пишат хората, за да отменят или преместят записания си час (само цялото съобщение; при един
# записан час се стига направо до въпроса за отмяна или до избора на нов час)
booking-cancel-words = отмени, отменете, отменям, отменя, искам да отменя, отмени часа, отменете часа, отменям часа, искам да отменя часа, няма да дойда, не мога да дойда, nyama da doyda, ne moga da doyda
booking-move-words = премести часа, преместете часа, искам да преместя часа, смени часа, сменете часа, искам друг час, друг час, друг ден
# typed instead of pressing "skip" at the optional name and phone steps (the whole message)
booking-skip-words = propusni, пропусни, propuskam, пропускам, napred, напред, bez ime, без име, ne iskam da kazvam, не искам да казвам, nyamam telefon, nqmam telefon, нямам телефон, bez telefon, без телефон, nyamam nomer, nqmam nomer, нямам номер, ne iskam da davam nomer, не искам да давам номер
