# Întrebați un consilier (bot/inbox): o persoană de la centrul de consiliere citește întrebarea și răspunde în chat.
# Texte scurte și simple. $languages: limbile; $days: zile lucrătoare; $kept: zile până la ștergere.

command-ask = trimiteți o întrebare centrului de consiliere
inbox-ask-choice = ✉️ Întrebați un consilier
inbox-intro = ✉️ Puteți trimite întrebarea dumneavoastră centrului de consiliere „Willkommen Europa”. O consilieră sau un consilier, adică un om, o citește și vă răspunde aici, în chat.
    Puteți scrie în: { $languages }.
    De obicei primiți un răspuns în { $days ->
        [one] o zi lucrătoare
        [few] { $days } zile lucrătoare
       *[other] { $days } de zile lucrătoare
    }.
inbox-consent = Pentru asta, întrebarea dumneavoastră este păstrată și citită de consilieri. Se șterge cel târziu la { $kept } de zile după ultimul mesaj sau oricând cu /forget. Sunteți de acord?
inbox-consent-yes = ✅ Da, sunt de acord
inbox-consent-no = ✖️ Nu, înapoi la meniu
inbox-write-prompt = Vă rog să scrieți acum întrebarea într-un singur mesaj.
inbox-cancel = ✖️ Renunțați
inbox-open-thread = Aveți deja o întrebare deschisă (#{ $number }). Scrieți acum mesajul: se adaugă la aceeași întrebare.
inbox-sent = ✅ Vă mulțumim. Întrebarea dumneavoastră #{ $number } a fost trimisă. Un consilier vă răspunde aici, de obicei în { $days ->
        [one] o zi lucrătoare
        [few] { $days } zile lucrătoare
       *[other] { $days } de zile lucrătoare
    }.
inbox-added = ✅ Vă mulțumim. Mesajul a fost adăugat la întrebarea #{ $number }.
inbox-reply-prompt = Vă rog să scrieți răspunsul la întrebarea #{ $number } într-un singur mesaj.
inbox-closed = Întrebarea #{ $number } este deja închisă. Puteți pune o întrebare nouă.
inbox-answer = 💬 **Răspuns de la un consilier** al centrului de consiliere „Willkommen Europa” (întrebarea #{ $number }):
    { $text }
inbox-reply-choice = ↩️ Răspundeți

# pentru echipa centrului de consiliere (settings.staff_language): niciodată textul persoanei
inbox-staff-new = ✉️ Întrebare nouă #{ $number } ({ $language }, { $topic }).
inbox-staff-reply = ✉️ Mesaj nou la întrebarea #{ $number } ({ $language }, { $topic }).
inbox-staff-desk = Citiți și răspundeți în desk, la „Întrebări”.
inbox-staff-desk-link = Citiți și răspundeți în desk: { $url }
inbox-staff-no-topic = fără temă
