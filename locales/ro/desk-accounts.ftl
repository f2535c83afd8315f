# Conturile de chat care fac programări, văzute în desk (bot/desk/booking_accounts.py), împotriva acaparării.
desk-nav-accounts = Conturi de chat
desk-accounts-title = Conturi de chat cu programări sau ore rezervate
desk-accounts-explain = Un cont de chat este un cont Telegram sau Matrix. Multe programări pe un singur cont pot însemna acaparare.
desk-accounts-find-code = Contul unui cod de programare
desk-accounts-none = Acum niciun cont nu are programări viitoare sau ore rezervate.
desk-accounts-number = Contul #{ $account }
desk-col-account = Cont
desk-col-channel = Canal
desk-col-first-seen = Văzut prima dată
desk-col-booked = Programări viitoare
desk-col-holds = Rezervate acum
desk-accounts-seen = Văzut prima dată { $seen }
desk-accounts-future = { $count ->
    [one] o programare viitoare
    [few] { $count } programări viitoare
   *[other] { $count } de programări viitoare
}
desk-accounts-holds = Ore rezervate acum: { $now }. Ore alese în ultimele 24 de ore: { $day }.
desk-accounts-empty = Acest cont nu are programări.
desk-accounts-status-hold = rezervată, neconfirmată
desk-accounts-cancel-all = Anulează toate programările viitoare …
desk-accounts-back = Înapoi la conturile de chat
desk-accounts-done = { $count ->
    [one] O programare anulată.
    [few] { $count } programări anulate.
   *[other] { $count } de programări anulate.
} Fiecare persoană primește mesaj în limba ei.
desk-accounts-confirm-title = Anulați toate programările viitoare ale contului #{ $account }?
desk-accounts-confirm-list = { $count ->
    [0] Contul nu are programări viitoare.
    [one] Această programare se anulează:
    [few] Aceste { $count } programări se anulează:
   *[other] Aceste { $count } de programări se anulează:
}
desk-accounts-confirm-holds = { $count ->
    [one] O oră rezervată devine liberă.
    [few] { $count } ore rezervate devin libere.
   *[other] { $count } de ore rezervate devin libere.
}
desk-accounts-confirm-explain = Fiecare persoană primește mesaj în limba ei, cu motivul. Echipa primește o notificare.
desk-accounts-confirm-submit = { $count ->
    [0] Eliberează orele rezervate
    [one] Da, anulează această programare
    [few] Da, anulează aceste { $count } programări
   *[other] Da, anulează aceste { $count } de programări
}
desk-accounts-confirm-back = Nu, înapoi
desk-accounts-unknown = Acest cont nu există.
desk-accounts-code-unknown = Acest cod nu există.
desk-accounts-mark = contul #{ $account }: { $count } programări
desk-accounts-agenda-link = Programări și ore rezervate pe cont de chat
