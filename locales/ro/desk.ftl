# The contact point's desk (staff web page). German is the desk's language by default.
desk-name = Willkommen Europa – Desk
desk-skip-to-content = Salt la conținut
desk-nav-label = Secțiuni
desk-nav-agenda = Programări
desk-nav-content = Conținut
desk-nav-users = Conturi
desk-signed-in-as = Conectat: { $name }
desk-logout = Deconectare
desk-login-title = Conectare
desk-login-username = Nume de utilizator
desk-login-password = Parolă
desk-login-submit = Conectare
desk-login-wrong = Numele de utilizator sau parola nu este corectă.
desk-login-locked = Prea multe încercări greșite. Contul este blocat 15 minute.
desk-error-title = Nu se poate
desk-error-admin-only = Doar administratorii pot face asta.
desk-agenda-title = Programări în { $day }
desk-agenda-date = Ziua
desk-agenda-show = Arată
desk-agenda-code = Codul programării
desk-agenda-find = Caută
desk-agenda-previous = Ziua dinainte
desk-agenda-today = Azi
desk-agenda-next = Ziua următoare
desk-agenda-count = { $count ->
    [one] O programare
    [few] { $count } programări
   *[other] { $count } de programări
}
desk-agenda-empty = Nicio programare în această zi.
desk-agenda-done-arrived = Marcat: a venit.
desk-agenda-done-noshow = Marcat: nu a venit.
desk-agenda-done-cancelled = Programarea este anulată. Persoana primește mesaj în limba ei.
desk-agenda-done-closed = Ziua este închisă. Programările sunt anulate, persoanele primesc mesaj.
desk-agenda-code-unknown = Acest cod nu există.
desk-agenda-bad-date = Data nu este corectă. Se arată ziua de azi.
desk-agenda-action-failed = Nu a mers: programarea este deja anulată sau schimbată.
desk-agenda-no-show-early = „Nu a venit” se poate marca de la începutul programării.
desk-agenda-reason-missing = Alegeți sau scrieți un motiv.
desk-agenda-close-past = O zi din trecut nu se poate închide.
desk-agenda-export-bad = Perioada pentru export nu este corectă (cel mult un an).
desk-col-time = Ora
desk-col-language = Limba
desk-col-code = Cod
desk-col-topic = Tema
desk-col-status = Stare
desk-col-name = Prenume
desk-col-phone = Telefon
desk-col-actions = Acțiuni
desk-col-node = Conținut
desk-col-file = Fișier
desk-col-facts = Informații neconfirmate
desk-col-reviewed = Verificat la
desk-col-detail = Observație
desk-col-count = Număr
desk-col-seen = Prima … ultima dată
desk-col-question = Întrebare
desk-status-booked = programat
desk-status-arrived = a venit
desk-status-no_show = nu a venit
desk-status-cancelled = anulat
desk-action-arrived = A venit
desk-action-no-show = Nu a venit
desk-action-cancel = Anulează
desk-cancel-preset = Motiv
desk-cancel-own-words = Text propriu (se trimite în germană)
desk-cancel-text = Text propriu, ca mesaj al centrului de consiliere în germană
desk-cancel-submit = Anulează programarea
desk-holds-title = În curs de programare
desk-holds-none = Acum nu face nimeni o programare pentru această zi.
desk-export-title = Export
desk-export-from = De la
desk-export-to = Până la
desk-export-format = Format
desk-export-submit = Descarcă
desk-close-title = Închide ziua
desk-close-explain = Toate programările zilei se anulează. Fiecare persoană primește mesaj în limba ei.
desk-close-submit = Închide { $day }
desk-content-title = Starea conținutului
desk-content-version = Versiunea conținutului { $version }
desk-content-unconfirmed = Texte cu informații neconfirmate ({ $count })
desk-content-stale = Neverificate de peste { $days } de zile ({ $count })
desk-content-missing = Traduceri lipsă ({ $count })
desk-content-outdated = Traduceri învechite ({ $count })
desk-content-none = Niciuna.
desk-content-gaps = Întrebări fără răspuns din ultimele { $days } de zile
desk-content-gaps-none = Nicio întrebare fără răspuns.
desk-content-gaps-count = { $questions ->
    [one] o întrebare
    [few] { $questions } întrebări
   *[other] { $questions } de întrebări
}, { $asked ->
    [one] pusă o dată
    [few] puse de { $asked } ori
   *[other] puse de { $asked } de ori
}
desk-users-title = Conturi
desk-users-done-added = Contul este creat.
desk-users-done-removed = Contul este șters.
desk-users-role = Rol
desk-role-counsellor = Consilier
desk-role-admin = Administrator
desk-users-locked = blocat până la { $until }
desk-users-remove = Șterge
desk-users-add = Creează un cont
desk-users-bad = Nu a mers: numele (2–32 litere mici, cifre, . _ -) există deja sau parola are sub 10 caractere.
desk-users-remove-failed = Nu a mers (propriul cont nu se poate șterge).
desk-audit-title = Jurnal
desk-audit-at = Ora (UTC)
desk-audit-staff = Cine
desk-audit-action = Ce
desk-audit-subject = Despre
desk-cancel-title = Anulează programarea { $code }
desk-cancel-back = Înapoi la programări
desk-hours-unconfirmed = ⚠️ Programul de consultații din contact-point.yml nu este încă confirmat: oamenii au fost avertizați să nu se bazeze pe aceste programări.
