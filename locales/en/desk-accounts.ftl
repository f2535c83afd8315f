# The desk's view of the chat accounts that book (bot/desk/booking_accounts.py), against appointment scalping.
desk-nav-accounts = Chat accounts
desk-accounts-title = Chat accounts with appointments or holds
desk-accounts-explain = A chat account is one Telegram or Matrix account. Many appointments on one account can mean scalping.
desk-accounts-find-code = Account of a booking code
desk-accounts-none = No account has future appointments or times held right now.
desk-accounts-number = Account #{ $account }
desk-col-account = Account
desk-col-channel = Channel
desk-col-first-seen = First seen
desk-col-booked = Future appointments
desk-col-holds = Held now
desk-accounts-seen = First seen { $seen }
desk-accounts-future = { $count ->
    [one] one future appointment
   *[other] { $count } future appointments
}
desk-accounts-holds = Times held now: { $now }. Times chosen in the last 24 hours: { $day }.
desk-accounts-empty = This account has no appointments.
desk-accounts-status-hold = held, not confirmed
desk-accounts-cancel-all = Cancel all future appointments …
desk-accounts-back = Back to the chat accounts
desk-accounts-done = { $count ->
    [one] One appointment cancelled.
   *[other] { $count } appointments cancelled.
} Each person is told in their language.
desk-accounts-confirm-title = Cancel all future appointments of account #{ $account }?
desk-accounts-confirm-list = { $count ->
    [0] The account has no future appointments.
    [one] This appointment will be cancelled:
   *[other] These { $count } appointments will be cancelled:
}
desk-accounts-confirm-holds = { $count ->
    [one] One time held is released.
   *[other] { $count } times held are released.
}
desk-accounts-confirm-explain = Each person is told in their language, with the reason. The team gets a notice.
desk-accounts-confirm-submit = { $count ->
    [0] Release the times held
    [one] Yes, cancel this appointment
   *[other] Yes, cancel these { $count } appointments
}
desk-accounts-confirm-back = No, go back
desk-accounts-unknown = There is no such account.
desk-accounts-code-unknown = There is no such booking code.
desk-accounts-mark = account #{ $account }: { $count } appointments
desk-accounts-agenda-link = Appointments and holds per chat account
