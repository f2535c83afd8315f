# The desk's view of the chat accounts that book (bot/desk/booking_accounts.py), against appointment scalping.
desk-nav-accounts = Chat-Konten
desk-accounts-title = Chat-Konten mit Terminen oder Reservierungen
desk-accounts-explain = Ein Chat-Konto ist ein Telegram- oder Matrix-Konto. Viele Termine auf einem Konto können Terminhandel sein.
desk-accounts-find-code = Konto zu einem Buchungscode
desk-accounts-none = Kein Konto hat gerade künftige Termine oder reservierte Uhrzeiten.
desk-accounts-number = Konto #{ $account }
desk-col-account = Konto
desk-col-channel = Kanal
desk-col-first-seen = Zuerst gesehen
desk-col-booked = Künftige Termine
desk-col-holds = Jetzt reserviert
desk-accounts-seen = Zuerst gesehen { $seen }
desk-accounts-future = { $count ->
    [one] ein künftiger Termin
   *[other] { $count } künftige Termine
}
desk-accounts-holds = Jetzt reservierte Uhrzeiten: { $now }. Gewählte Uhrzeiten in den letzten 24 Stunden: { $day }.
desk-accounts-empty = Dieses Konto hat keine Termine.
desk-accounts-status-hold = reserviert, nicht bestätigt
desk-accounts-cancel-all = Alle künftigen Termine absagen …
desk-accounts-back = Zurück zu den Chat-Konten
desk-accounts-done = { $count ->
    [one] Ein Termin abgesagt.
   *[other] { $count } Termine abgesagt.
} Jede Person wird in ihrer Sprache benachrichtigt.
desk-accounts-confirm-title = Alle künftigen Termine von Konto #{ $account } absagen?
desk-accounts-confirm-list = { $count ->
    [0] Das Konto hat keine künftigen Termine.
    [one] Dieser Termin wird abgesagt:
   *[other] Diese { $count } Termine werden abgesagt:
}
desk-accounts-confirm-holds = { $count ->
    [one] Eine reservierte Uhrzeit wird freigegeben.
   *[other] { $count } reservierte Uhrzeiten werden freigegeben.
}
desk-accounts-confirm-explain = Jede Person wird in ihrer Sprache benachrichtigt, mit dem Grund. Das Team bekommt eine Meldung.
desk-accounts-confirm-submit = { $count ->
    [0] Reservierungen freigeben
    [one] Ja, diesen Termin absagen
   *[other] Ja, diese { $count } Termine absagen
}
desk-accounts-confirm-back = Nein, zurück
desk-accounts-unknown = Dieses Konto gibt es nicht.
desk-accounts-code-unknown = Diesen Buchungscode gibt es nicht.
desk-accounts-mark = Konto #{ $account }: { $count } Termine
desk-accounts-agenda-link = Termine und Reservierungen je Chat-Konto
