# Desk-ul: întrebări către centrul de consiliere (bot/desk/inbox.py). Limba echipei.

desk-nav-inbox = Întrebări
desk-inbox-title = Întrebări pentru consilieri
desk-inbox-explain = Întrebări deschise, cele care așteaptă de cel mai mult timp mai întâi. Răspunsul dumneavoastră ajunge în chatul persoanei, ca răspuns de la un consilier.
desk-inbox-drafts-link = Ciorne de întrebări exemplu
desk-inbox-empty = Nicio întrebare deschisă.
desk-inbox-col-number = Întrebarea
desk-inbox-col-waiting = Așteaptă de
desk-inbox-col-messages = Mesaje
desk-inbox-col-active = Ultimul mesaj
desk-inbox-col-saved = Salvat
desk-inbox-thread = Întrebarea #{ $number }
desk-inbox-answered = cu răspuns
desk-inbox-back = Toate întrebările
desk-inbox-closed-title = Închise recent
desk-inbox-closed-none = Nicio întrebare închisă.
desk-inbox-closed = închisă
desk-inbox-messages = Mesaje
desk-inbox-undelivered = netransmis
desk-inbox-from-person = Persoana
desk-inbox-from-counsellor = Consilier ({ $name })
desk-inbox-answer-title = Răspundeți
desk-inbox-answer-label = Răspunsul dumneavoastră (persoana scrie în { $language })
desk-inbox-answer-send = Trimiteți răspunsul
desk-inbox-draft-title = Salvați ca întrebare exemplu
desk-inbox-draft-explain = Așa învață botul din întrebări. Vă rog să scoateți din text numele, numerele și adresele.
desk-inbox-draft-save = Salvați ciorna
desk-inbox-close-title = Închideți
desk-inbox-close-explain = Persoana nu primește niciun mesaj. Întrebările închise se șterg după un timp.
desk-inbox-close = Închideți întrebarea
desk-inbox-drafts-title = Ciorne de întrebări exemplu
desk-inbox-drafts-explain = Întrebări salvate de echipă din căsuța de întrebări, pentru conținut. Și cu „python -m bot inbox drafts”.
desk-inbox-drafts-empty = Încă nu există ciorne.
desk-inbox-wait-minutes = { $count } min.
desk-inbox-wait-hours = { $count } ore
desk-inbox-wait-days = { $count ->
    [one] o zi
    [few] { $count } zile
   *[other] { $count } de zile
}
desk-inbox-done-answered = Răspunsul a ajuns în chatul persoanei.
desk-inbox-done-undelivered = Răspunsul este salvat, dar nu a putut fi transmis (persoana nu poate fi contactată în chat).
desk-inbox-done-closed = Întrebarea este închisă.
desk-inbox-done-draft = Ciorna este salvată.
desk-inbox-error-empty = Vă rog să scrieți un text.
desk-inbox-error-closed = Această întrebare este deja închisă.
desk-inbox-error-node = Vă rog să alegeți un conținut.
