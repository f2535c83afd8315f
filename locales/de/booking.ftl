# Termine bei der Anlaufstelle. Kurz und einfach; Begriffe aus dem Glossar.
# booking-entry muss genau so bleiben, wie der Inhalt die Leute darauf tippen lässt.

booking-entry = Termin vereinbaren
booking-mine-choice = 📋 Meine Termine
command-appointments = Ihre Termine: vereinbaren, verschieben oder absagen

booking-topic-prompt = Worum geht es bei Ihrer Frage?
booking-topic-health = 🩺 Krankenversicherung
booking-topic-housing = 🏠 Wohnen
booking-topic-school = 🎒 Schule und Kita
booking-topic-work = 💼 Arbeit und Sozialleistungen
booking-topic-other = ❓ Etwas anderes
booking-have = { $count ->
    [one] Sie haben schon einen Termin.
   *[other] Sie haben schon { $count } Termine.
}

booking-language-prompt = In welcher Sprache möchten Sie die Beratung? Ich zeige nur Sprachen mit freien Terminen.
booking-none = In den nächsten Wochen sind keine Termine frei. Bitte kommen Sie in die Sprechzeiten und fragen Sie dort nach einem Termin.
booking-no-days = { $days ->
    [one] Am nächsten Tag ist kein Termin auf { $language } frei.
   *[other] In den nächsten { $days } Tagen ist kein Termin auf { $language } frei.
} Bitte wählen Sie eine andere Sprache.
booking-day-prompt = Beratung auf { $language }. Wählen Sie einen Tag.
booking-later-days = ➡️ Spätere Tage
booking-day-full = Dieser Tag ist jetzt ausgebucht. Bitte wählen Sie einen anderen Tag.
booking-time-prompt = { $day }: Wählen Sie eine Uhrzeit.
booking-just-taken = Entschuldigung, diese Zeit wurde gerade vergeben.
booking-next-free = Diese Zeiten sind noch frei:
booking-other-day = 📅 Anderer Tag
booking-same-time = Sie haben zu dieser Zeit schon einen Termin. Bitte wählen Sie eine andere Zeit.
booking-limit = { $count ->
    [one] Sie haben schon einen Termin. Bitte sagen Sie ihn ab oder verschieben Sie ihn, bevor Sie einen neuen vereinbaren.
   *[other] Sie haben schon { $count } Termine. Bitte sagen Sie einen ab oder verschieben Sie ihn, bevor Sie einen neuen vereinbaren.
}

booking-name-prompt = Wie ist Ihr Vorname? Dann weiß das Team, wer Sie sind, wenn Sie kommen. Das ist freiwillig: Sie können es überspringen.
booking-name-invalid = Bitte schreiben Sie nur Ihren Vornamen, in Buchstaben, höchstens { $max } Zeichen. Oder überspringen Sie diesen Schritt.
booking-phone-prompt = Wie ist Ihre Telefonnummer? Das Team ruft Sie nur an, wenn sich Ihr Termin ändern muss. Das ist freiwillig: Sie können es überspringen.
booking-phone-invalid = Das sieht nicht wie eine Telefonnummer aus. Bitte schreiben Sie sie so: 0176 12345678 oder +40 721 234 567. Oder überspringen Sie diesen Schritt.
booking-skip = ⏭️ Überspringen

booking-summary = Bitte prüfen Sie Ihren Termin:
booking-line-when = Wann: { $when }
booking-line-topic = Thema: { $topic }
booking-line-language = Sprache: { $language }
booking-line-where = Adresse: { $address }
booking-line-name = Vorname: { $name }
booking-line-phone = Telefon: { $phone }
booking-held = Ich halte diese Zeit { $minutes ->
    [one] eine Minute
   *[other] { $minutes } Minuten
} für Sie frei.
booking-confirm = ✅ Bestätigen
booking-other-time = 🕒 Andere Zeit
booking-abort = ✖️ Nicht buchen
booking-aborted = In Ordnung, es wurde nichts gebucht.

booking-done = ✅ Ihr Termin ist gebucht: { $when }.
booking-moved = ✅ Ihr Termin ist verschoben auf { $when }.
booking-code = Ihr Code: **{ $code }**. Zeigen Sie ihn am Empfang.
booking-bring = Bringen Sie Ihre Unterlagen mit. Die Liste finden Sie unter „{ $label }“.
booking-free = Der Termin ist kostenlos.

booking-mine-title = { $count ->
    [one] Ihr Termin:
   *[other] Ihre { $count } Termine:
}
booking-mine-line = { $when } – { $topic }, { $language } (Code { $code })
booking-mine-none = Sie haben keine Termine.
booking-move-choice = 🕒 Verschieben: { $when }
booking-cancel-choice = ✖️ Absagen: { $when }
booking-cancel-choice-short = ✖️ Termin absagen
booking-moving = Wählen Sie eine neue Zeit. Ihr Termin bleibt, bis der neue bestätigt ist.
booking-cancel-ask = Möchten Sie Ihren Termin am { $when } wirklich absagen?
booking-cancel-yes = Ja, absagen
booking-cancel-no = Nein, behalten
booking-cancelled = Ihr Termin am { $when } ist abgesagt.
booking-not-found = Ich finde diesen Termin nicht. Vielleicht ist er schon abgesagt oder vorbei.

booking-reminder = ⏰ Erinnerung: Ihr Termin bei der Anlaufstelle „Willkommen Europa“ ist am { $when }.
    Adresse: { $address }
    Ihr Code: **{ $code }**
    Wenn Sie nicht kommen können, sagen Sie den Termin bitte ab.
booking-cancelled-by-staff = ❗ Die Anlaufstelle „Willkommen Europa“ musste Ihren Termin am { $when } absagen. Grund: { $reason }
    Bitte vereinbaren Sie einen neuen Termin. Es tut uns leid.

# für das Team der Anlaufstelle (settings.staff_language)
booking-staff-line = { $code } – { $when } – { $language } – { $topic }
booking-staff-new = 📅 Neuer Termin: { $booking }
booking-staff-moved = 🔁 Termin { $old } ({ $before }) verschoben: { $booking }
booking-staff-cancelled = ✖️ Von der Person abgesagt: { $booking }
booking-staff-cancelled-by-staff = ✖️ Vom Team abgesagt: { $booking }
booking-staff-forgotten = ✖️ Abgesagt, die Person hat ihre Daten gelöscht: { $booking }
booking-staff-agenda-title = Termine am { $day }: { $count ->
    [one] ein Termin
   *[other] { $count } Termine
}
booking-staff-agenda-empty = Keine Termine am { $day }.
booking-staff-agenda-usage = So geht es: /agenda [JJJJ-MM-TT [JJJJ-MM-TT]] (bis zu 31 Tage)
booking-staff-no-show-mark = nicht erschienen
booking-staff-cancel-usage = So geht es: /cancel CODE Grund (eine Nummer aus der Liste oder eigener Text)
booking-staff-unknown-code = Es gibt keinen gebuchten Termin mit dem Code { $code }.
booking-staff-cancel-done = Termin { $code } ist abgesagt. { $told ->
    [yes] Die Person wurde benachrichtigt.
   *[no] Die Person war nicht erreichbar.
}
booking-staff-noshow-usage = So geht es: /noshow CODE
booking-staff-noshow-unknown = Es gibt keinen schon begonnenen Termin mit dem Code { $code }.
booking-staff-noshow-done = Termin { $code } ist als „nicht erschienen“ markiert.
booking-staff-close-usage = So geht es: /close JJJJ-MM-TT Grund
booking-staff-close-past = { $day } liegt in der Vergangenheit.
booking-staff-close-done = { $day } ist jetzt ein Schließtag. { $count ->
    [one] Ein Termin wurde abgesagt
   *[other] { $count } Termine wurden abgesagt
}; benachrichtigt: { $told }.

# Solange die Sprechzeiten nicht bestätigt sind (contact-point.yml, booking.when_unconfirmed).
# demo: diese Zeile steht in jedem Schritt der Buchung, in der Bestätigung, der Liste und der Erinnerung.
booking-unconfirmed = ⚠️ Die Anlaufstelle hat die Sprechzeiten noch nicht bestätigt: Verlassen Sie sich nicht auf diesen Termin.
# closed: statt einer Buchung
booking-closed = Termine können Sie hier noch nicht vereinbaren: Die Anlaufstelle „Willkommen Europa“ hat die Sprechzeiten noch nicht bestätigt.
booking-closed-visit = Bitte gehen Sie direkt zur Anlaufstelle und fragen Sie dort: { $address }
booking-closed-ask = Bitte fragen Sie direkt bei der Anlaufstelle, wann Sie kommen können. Die Adresse finden Sie unten.
# für das Team
booking-staff-unconfirmed = ⚠️ Sprechzeiten nicht bestätigt: Die Person wurde gewarnt, sich nicht auf diesen Termin zu verlassen.
# was Menschen schreiben, wenn sie ihren Termin suchen (Ausdrücke durch Komma getrennt)
booking-mine-words = mein termin, meinen termin, meinem termin, meine termine, wann ist mein termin, termin absagen, termin verschieben
booking-move-note = Ihr jetziger Termin bleibt, bis Sie bestätigen. Danach bekommen Sie einen neuen Code; der alte Code gilt dann nicht mehr.
booking-move-kept = In Ordnung, es wurde nichts geändert. Ihr Termin am { $when } bleibt, mit demselben Code.
booking-old-code = Der alte Code { $code } gilt nicht mehr.
booking-move-gone = Der Termin, den Sie verschieben wollten, ist nicht mehr gebucht (er wurde abgesagt oder ist vorbei). Es wurde nichts geändert.
# die gewählte Zeit kann nicht mehr gebucht werden (vorbei, oder der Tag wurde geschlossen): niemand hat sie „genommen“
booking-time-gone = Entschuldigung, diese Zeit kann nicht mehr gebucht werden.
# bestätigt, nachdem die Haltezeit abgelaufen ist (booking-held sagt, wie lange sie dauert)
booking-hold-expired-taken = Ich konnte diese Zeit nur einige Minuten für Sie halten. Diese Minuten sind vorbei, und inzwischen hat jemand anderes die Zeit gebucht.
booking-hold-expired-gone = Ich konnte diese Zeit nur einige Minuten für Sie halten. Diese Minuten sind vorbei, und die Zeit kann nicht mehr gebucht werden.
# was Menschen schreiben, die einen Termin wollen (Ausdrücke durch Kommas getrennt); nur eine Nachricht,
# die nichts anderes sagt, startet die Buchung („ich brauche einen Termin beim Arzt“ bleibt eine Frage)
booking-new-words = termin machen, einen termin machen, ich möchte einen termin, ich brauche einen termin, termin vereinbaren, einen termin vereinbaren, neuer termin, einen neuen termin, termin buchen
# was Menschen schreiben, um ihren Termin abzusagen oder zu verschieben (nur die ganze Nachricht; mit einem
# Termin geht es direkt zur Frage, ob er abgesagt werden soll, oder zur Wahl der neuen Zeit)
booking-cancel-words = absagen, termin absagen, ich möchte absagen, ich möchte den termin absagen, stornieren, termin stornieren, ich kann nicht kommen
booking-move-words = verschieben, termin verschieben, ich möchte den termin verschieben, andere zeit, anderer tag
# typed instead of pressing "skip" at the optional name and phone steps (the whole message)
booking-skip-words = überspringen, ueberspringen, weiter, ohne namen, ohne telefon, kein telefon, keine nummer, keine telefonnummer, ich habe kein telefon, ich habe keine nummer, möchte ich nicht sagen, moechte ich nicht sagen
