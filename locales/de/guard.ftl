# Gegen das Horten von Terminen (bot/booking/guard.py) und die Sicht des Teams auf ein Konto (bot/staff/accounts.py).
booking-wait-busy = In den letzten Stunden wurden viele Termine vereinbart. Damit die Termine für alle gerecht bleiben, warten neue Buchungen kurz. Bitte versuchen Sie es ab { $when } wieder.
    Sie können auch ohne Termin in die Sprechzeiten kommen.
booking-wait-new = Gerade vereinbaren viele Menschen Termine. Sie können ab { $when } einen Termin vereinbaren. Bitte versuchen Sie es dann wieder.
    Sie können auch ohne Termin in die Sprechzeiten kommen.
booking-wait-holds = Sie haben sehr oft Uhrzeiten gewählt. Bitte versuchen Sie es ab { $when } wieder.
    Sie können auch ohne Termin in die Sprechzeiten kommen.

# für das Team der Anlaufstelle (settings.staff_language)
booking-staff-rate = ⚠️ Die Buchungsgrenze ist erreicht ({ $hour } pro Stunde, { $day } pro Tag). Neue Buchungen warten. Viele Buchungen auf einmal können Terminhandel sein: Konten prüfen mit /account CODE, absagen mit /cancelaccount CODE Grund.
booking-staff-account-usage = So geht es: /account CODE (der Code eines Termins des Kontos)
booking-staff-account-title = Konto #{ $account } ({ $channel }), zuerst gesehen { $seen }: { $count ->
    [one] ein Termin
   *[other] { $count } Termine
}
booking-staff-account-holds = Jetzt reservierte Uhrzeiten: { $now }. Gewählte Uhrzeiten in den letzten 24 Stunden: { $day }.
booking-staff-hold-mark = reserviert, nicht bestätigt
booking-staff-cancelled-mark = abgesagt
booking-staff-account-mark = Konto #{ $account }: { $count } Termine
booking-staff-cancelaccount-usage = So geht es: /cancelaccount CODE Grund
booking-staff-cancelaccount-done = Konto #{ $account }: { $count ->
    [one] ein Termin abgesagt
   *[other] { $count } Termine abgesagt
}, { $told } benachrichtigt.
