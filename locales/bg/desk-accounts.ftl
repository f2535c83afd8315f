# Чат профилите, които записват часове, в desk (bot/desk/booking_accounts.py), срещу изкупуването на часове.
desk-nav-accounts = Чат профили
desk-accounts-title = Чат профили със записани или запазени часове
desk-accounts-explain = Чат профил е един профил в Telegram или Matrix. Много записани часове на един профил може да са изкупуване.
desk-accounts-find-code = Профил по код на записа
desk-accounts-none = В момента никой профил няма бъдещи записани или запазени часове.
desk-accounts-number = Профил #{ $account }
desk-col-account = Профил
desk-col-channel = Канал
desk-col-first-seen = Видян за първи път
desk-col-booked = Бъдещи записани часове
desk-col-holds = Запазени сега
desk-accounts-seen = Видян за първи път { $seen }
desk-accounts-future = { $count ->
    [one] един бъдещ записан час
   *[other] { $count } бъдещи записани часа
}
desk-accounts-holds = Запазени часове сега: { $now }. Избрани часове през последните 24 часа: { $day }.
desk-accounts-empty = Този профил няма записани часове.
desk-accounts-status-hold = запазен, непотвърден
desk-accounts-cancel-all = Отмени всички бъдещи записани часове …
desk-accounts-back = Назад към чат профилите
desk-accounts-done = { $count ->
    [one] Един записан час е отменен.
   *[other] { $count } записани часа са отменени.
} Всеки човек получава съобщение на своя език.
desk-accounts-confirm-title = Да се отменят ли всички бъдещи записани часове на профил #{ $account }?
desk-accounts-confirm-list = { $count ->
    [0] Профилът няма бъдещи записани часове.
    [one] Този записан час ще бъде отменен:
   *[other] Тези { $count } записани часа ще бъдат отменени:
}
desk-accounts-confirm-holds = { $count ->
    [one] Един запазен час се освобождава.
   *[other] { $count } запазени часа се освобождават.
}
desk-accounts-confirm-explain = Всеки човек получава съобщение на своя език, с причината. Екипът получава известие.
desk-accounts-confirm-submit = { $count ->
    [0] Освободи запазените часове
    [one] Да, отмени този записан час
   *[other] Да, отмени тези { $count } записани часа
}
desk-accounts-confirm-back = Не, назад
desk-accounts-unknown = Няма такъв профил.
desk-accounts-code-unknown = Няма такъв код.
desk-accounts-mark = профил #{ $account }: { $count } записани часа
desk-accounts-agenda-link = Записани и запазени часове по чат профил
