# Срещу изкупуването на часове (bot/booking/guard.py) и профил, видян от екипа (bot/staff/accounts.py).
booking-wait-busy = През последните часове са записани много часове. За да е честно за всички, новите записвания изчакват малко. Моля, опитайте отново от { $when }.
    Можете да дойдете и без записан час в приемното време.
booking-wait-new = В момента много хора си записват час. Можете да си запишете час от { $when }. Моля, опитайте отново тогава.
    Можете да дойдете и без записан час в приемното време.
booking-wait-holds = Избирали сте час много пъти. Моля, опитайте отново от { $when }.
    Можете да дойдете и без записан час в приемното време.

# за екипа на консултантския център (settings.staff_language)
booking-staff-rate = ⚠️ Границата на записванията е достигната ({ $hour } на час, { $day } на ден). Новите записвания изчакват. Много записвания наведнъж може да са изкупуване: проверете профилите с /account КОД, отменете с /cancelaccount КОД причина.
booking-staff-account-usage = Употреба: /account КОД (кодът на един записан час на профила)
booking-staff-account-title = Профил #{ $account } ({ $channel }), видян за първи път { $seen }: { $count ->
    [one] един записан час
   *[other] { $count } записани часа
}
booking-staff-account-holds = Запазени часове сега: { $now }. Избрани часове през последните 24 часа: { $day }.
booking-staff-hold-mark = запазен, непотвърден
booking-staff-cancelled-mark = отменен
booking-staff-account-mark = профил #{ $account }: { $count } записани часа
booking-staff-cancelaccount-usage = Употреба: /cancelaccount КОД причина
booking-staff-cancelaccount-done = Профил #{ $account }: { $count ->
    [one] един записан час е отменен
   *[other] { $count } записани часа са отменени
}, { $told } уведомени.
