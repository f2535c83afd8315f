# Programări la centrul de consiliere. Scurt și simplu; termenii din glosar.
# booking-entry trebuie să rămână exact cum le spune conținutul oamenilor să apese.

booking-entry = Faceți o programare
booking-mine-choice = 📋 Programările mele
command-appointments = programările dumneavoastră: faceți, mutați sau anulați o programare

booking-topic-prompt = Despre ce este întrebarea dumneavoastră?
booking-topic-health = 🩺 Asigurare de sănătate
booking-topic-housing = 🏠 Locuință
booking-topic-school = 🎒 Școală și grădiniță (Kita)
booking-topic-work = 💼 Muncă și ajutoare sociale
booking-topic-other = ❓ Altceva
booking-have = { $count ->
    [one] Aveți deja o programare.
    [few] Aveți deja { $count } programări.
   *[other] Aveți deja { $count } de programări.
}

booking-language-prompt = În ce limbă doriți consilierea? Vă arăt doar limbile pentru care mai sunt programări libere.
booking-none = În următoarele săptămâni nu mai sunt programări libere. Vă rog să veniți în programul de consultații și să cereți acolo o programare.
booking-no-days = { $days ->
    [one] În următoarea zi nu mai este nicio programare liberă în { $language }.
    [few] În următoarele { $days } zile nu mai este nicio programare liberă în { $language }.
   *[other] În următoarele { $days } de zile nu mai este nicio programare liberă în { $language }.
} Vă rog să alegeți altă limbă.
booking-day-prompt = Consiliere în { $language }. Alegeți ziua.
booking-later-days = ➡️ Zile mai târziu
booking-day-full = Ziua aceasta s-a ocupat între timp. Vă rog să alegeți altă zi.
booking-time-prompt = Alegeți ora pentru { $day }.
booking-just-taken = Îmi pare rău, cineva tocmai a luat această oră.
booking-next-free = Aceste ore sunt încă libere:
booking-other-day = 📅 Altă zi
booking-same-time = Aveți deja o programare la această oră. Vă rog să alegeți altă oră.
booking-limit = { $count ->
    [one] Aveți deja o programare. Vă rog să o anulați sau să o mutați înainte să faceți una nouă.
    [few] Aveți deja { $count } programări. Vă rog să anulați sau să mutați una înainte să faceți una nouă.
   *[other] Aveți deja { $count } de programări. Vă rog să anulați sau să mutați una înainte să faceți una nouă.
}

booking-name-prompt = Care este prenumele dumneavoastră? Așa știe echipa cine sunteți când veniți. Nu este obligatoriu: puteți sări peste acest pas.
booking-name-invalid = Vă rog să scrieți doar prenumele, cu litere, cel mult { $max ->
    [one] un caracter.
    [few] { $max } caractere.
   *[other] { $max } de caractere.
} Sau săriți peste acest pas.
booking-phone-prompt = Care este numărul dumneavoastră de telefon? Echipa vă sună doar dacă programarea trebuie schimbată. Nu este obligatoriu: puteți sări peste acest pas.
booking-phone-invalid = Acesta nu pare un număr de telefon. Vă rog să-l scrieți așa: 0176 12345678 sau +40 721 234 567. Sau săriți peste acest pas.
booking-skip = ⏭️ Săriți peste

booking-summary = Vă rog să verificați programarea:
booking-line-when = Când: { $when }
booking-line-topic = Subiect: { $topic }
booking-line-language = Limba: { $language }
booking-line-where = Adresa: { $address }
booking-line-name = Prenume: { $name }
booking-line-phone = Telefon: { $phone }
booking-held = Vă păstrez această oră { $minutes ->
    [one] un minut.
    [few] { $minutes } minute.
   *[other] { $minutes } de minute.
}
booking-confirm = ✅ Confirmați
booking-other-time = 🕒 Altă oră
booking-abort = ✖️ Nu fac programarea
booking-aborted = Bine, nu s-a făcut nicio programare.

booking-done = ✅ Programarea dumneavoastră este făcută: { $when }.
booking-moved = ✅ Programarea dumneavoastră a fost mutată: { $when }.
booking-code = Codul dumneavoastră: **{ $code }**. Arătați-l la recepție.
booking-bring = Aduceți actele dumneavoastră. Vedeți lista „{ $label }”.
booking-free = Programarea este gratuită.

booking-mine-title = { $count ->
    [one] Programarea dumneavoastră:
    [few] Cele { $count } programări ale dumneavoastră:
   *[other] Cele { $count } de programări ale dumneavoastră:
}
booking-mine-line = { $when } – { $topic }, { $language } (cod { $code })
booking-mine-none = Nu aveți nicio programare.
booking-move-choice = 🕒 Mutați: { $when }
booking-cancel-choice = ✖️ Anulați: { $when }
booking-cancel-choice-short = ✖️ Anulați programarea
booking-moving = Alegeți o oră nouă. Programarea de acum rămâne până confirmați pe cea nouă.
booking-cancel-ask = Sigur doriți să anulați programarea de { $when }?
booking-cancel-yes = Da, anulați
booking-cancel-no = Nu, o păstrez
booking-cancelled = Programarea de { $when } este anulată.
booking-not-found = Nu găsesc această programare. Poate a fost deja anulată sau a trecut.

booking-reminder = ⏰ Vă reamintesc: programarea dumneavoastră la centrul de consiliere „Willkommen Europa” este { $when }.
    Adresa: { $address }
    Codul dumneavoastră: **{ $code }**
    Dacă nu puteți veni, vă rog să anulați programarea.
booking-cancelled-by-staff = ❗ Centrul de consiliere „Willkommen Europa” a trebuit să anuleze programarea dumneavoastră de { $when }. Motivul: { $reason }
    Vă rog să faceți o programare nouă. Ne pare rău.

# pentru echipa centrului de consiliere (settings.staff_language)
booking-staff-line = { $code } – { $when } – { $language } – { $topic }
booking-staff-new = 📅 Programare nouă: { $booking }
booking-staff-moved = 🔁 Programarea { $old } ({ $before }) a fost mutată: { $booking }
booking-staff-cancelled = ✖️ Anulată de persoană: { $booking }
booking-staff-cancelled-by-staff = ✖️ Anulată de echipă: { $booking }
booking-staff-forgotten = ✖️ Anulată, persoana și-a șters datele: { $booking }
booking-staff-agenda-title = Programări pe { $day }: { $count ->
    [one] o programare
    [few] { $count } programări
   *[other] { $count } de programări
}
booking-staff-agenda-empty = Nicio programare pe { $day }.
booking-staff-agenda-usage = Așa se folosește: /agenda [AAAA-LL-ZZ [AAAA-LL-ZZ]] (cel mult 31 de zile)
booking-staff-no-show-mark = nu a venit
booking-staff-cancel-usage = Așa se folosește: /cancel COD motiv (un număr din listă sau textul dumneavoastră)
booking-staff-unknown-code = Nu există nicio programare făcută cu codul { $code }.
booking-staff-cancel-done = Programarea { $code } este anulată. { $told ->
    [yes] Persoana a fost anunțată.
   *[no] Persoana nu a putut fi anunțată.
}
booking-staff-noshow-usage = Așa se folosește: /noshow COD
booking-staff-noshow-unknown = Nu există nicio programare deja începută cu codul { $code }.
booking-staff-noshow-done = Programarea { $code } este marcată „nu a venit”.
booking-staff-close-usage = Așa se folosește: /close AAAA-LL-ZZ motiv
booking-staff-close-past = { $day } este în trecut.
booking-staff-close-done = Ziua de { $day } este acum zi închisă. { $count ->
    [one] O programare a fost anulată
    [few] { $count } programări au fost anulate
   *[other] { $count } de programări au fost anulate
}; persoane anunțate: { $told }.

# Cât timp programul de consultații nu este confirmat (contact-point.yml, booking.when_unconfirmed).
# demo: acest rând apare în fiecare pas al programării, în confirmare, în listă și în reamintire.
booking-unconfirmed = ⚠️ Programul de consultații nu este încă confirmat de centrul de consiliere: nu vă bazați pe această programare.
# closed: în loc de programare
booking-closed = Deocamdată nu puteți face aici o programare: centrul de consiliere „Willkommen Europa” nu a confirmat încă programul de consultații.
booking-closed-visit = Vă rog să mergeți direct la centrul de consiliere și să întrebați acolo: { $address }
booking-closed-ask = Vă rog să întrebați direct la centrul de consiliere când puteți veni. Adresa o găsiți mai jos.
# pentru echipă
booking-staff-unconfirmed = ⚠️ Program de consultații neconfirmat: persoana a fost avertizată să nu se bazeze pe această programare.
# ce scriu oamenii când își caută programarea (expresii despărțite prin virgulă, și fără diacritice)
booking-mine-words = programarea mea, programarile mele, programările mele, programare mea, programarea noastra, unde vad programarea, când am programare, cand am programare, când e programarea, cand e programarea, codul programarii, anulez programarea, anula programarea, mut programarea, muta programarea, schimb programarea, cand am programarea, când am programarea, la ce ora am programare, la ce oră am programare, la ce ora am programarea, vad programarea, văd programarea, verific programarea
booking-move-note = Programarea de acum rămâne până confirmați. După confirmare primiți un cod nou, iar codul vechi nu mai este valabil.
booking-move-kept = Bine, nu am schimbat nimic. Programarea dumneavoastră de { $when } rămâne, cu același cod.
booking-old-code = Codul vechi { $code } nu mai este valabil.
booking-move-gone = Programarea pe care voiați să o mutați nu mai există (a fost anulată sau a trecut). Nu am schimbat nimic.
# ora aleasă nu mai poate fi programată (a trecut sau ziua a fost închisă): nu a „luat-o” nimeni
booking-time-gone = Îmi pare rău, această oră nu mai poate fi programată.
# confirmare după ce timpul de păstrare a expirat (booking-held spune cât durează)
booking-hold-expired-taken = Am putut păstra această oră pentru dumneavoastră doar câteva minute. Timpul a expirat, iar între timp altcineva a luat această oră.
booking-hold-expired-gone = Am putut păstra această oră pentru dumneavoastră doar câteva minute. Timpul a expirat, iar această oră nu mai poate fi programată.
# ce scriu oamenii când vor să facă o programare (expresii despărțite prin virgulă); doar un mesaj
# care nu spune nimic altceva începe programarea („vreau o programare la medic” rămâne o întrebare)
booking-new-words = vreau o programare, vreau programare, vreau o programare noua, vreau sa fac o programare, aș vrea o programare, as vrea o programare, as vrea sa fac o programare, doresc o programare, fac o programare, sa fac o programare, programare noua, o programare noua, îmi trebuie o programare, imi trebuie o programare, am nevoie de o programare
# ce scriu oamenii ca să-și anuleze sau să-și mute programarea (doar mesajul întreg; cu o singură
# programare se ajunge direct la întrebarea de anulare sau la alegerea orei noi)
booking-cancel-words = anulez, vreau sa anulez, vreau să anulez, anulez programarea, vreau sa anulez programarea, anulati programarea, anulați programarea, anuleaza programarea, anulează programarea, nu mai vin, nu pot veni, nu pot sa vin, nu pot să vin
booking-move-words = mut programarea, vreau sa mut programarea, vreau să mut programarea, mutati programarea, mutați programarea, muta programarea, mută programarea, schimb ora, vreau alta ora, vreau altă oră, alta ora, altă oră, alta zi, altă zi
# typed instead of pressing "skip" at the optional name and phone steps (the whole message)
booking-skip-words = sari peste, sar peste, treci peste, mai departe, fara nume, fără nume, nu vreau sa spun, nu vreau să spun, nu vreau sa dau, nu vreau să dau, nu am telefon, n am telefon, nam telefon, fara telefon, fără telefon, nu am numar, nu am număr, nu am numar de telefon, nu am număr de telefon, nu vreau sa dau numarul, nu vreau să dau numărul
