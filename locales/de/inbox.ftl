# Eine Beraterin oder einen Berater fragen (bot/inbox): ein Mensch in der Anlaufstelle liest die Frage und
# antwortet im Chat. Kurz und einfach schreiben. $languages: Sprachen; $days: Arbeitstage; $kept: Tage bis zum Löschen.

command-ask = eine Frage an die Anlaufstelle
inbox-ask-choice = ✉️ Beratung fragen
inbox-intro = ✉️ Sie können Ihre Frage an die Anlaufstelle „Willkommen Europa“ schreiben. Eine Beraterin oder ein Berater, also ein Mensch, liest sie und antwortet Ihnen hier im Chat.
    Sie können schreiben auf: { $languages }.
    Eine Antwort kommt meist innerhalb { $days ->
        [one] eines Arbeitstages
       *[other] von { $days } Arbeitstagen
    }.
inbox-consent = Dafür wird Ihre Frage gespeichert und von der Beratung gelesen. Sie wird spätestens { $kept } Tage nach der letzten Nachricht gelöscht, oder jederzeit mit /forget. Sind Sie einverstanden?
inbox-consent-yes = ✅ Ja, einverstanden
inbox-consent-no = ✖️ Nein, zurück zum Menü
inbox-write-prompt = Bitte schreiben Sie jetzt Ihre Frage in einer Nachricht.
inbox-cancel = ✖️ Abbrechen
inbox-open-thread = Sie haben schon eine offene Frage (#{ $number }). Schreiben Sie jetzt Ihre Nachricht: Sie kommt zur selben Frage.
inbox-sent = ✅ Danke. Ihre Frage #{ $number } ist abgeschickt. Die Beratung antwortet Ihnen hier, meist innerhalb { $days ->
        [one] eines Arbeitstages
       *[other] von { $days } Arbeitstagen
    }.
inbox-added = ✅ Danke. Ihre Nachricht ist bei Frage #{ $number } angekommen.
inbox-reply-prompt = Bitte schreiben Sie Ihre Antwort zu Frage #{ $number } in einer Nachricht.
inbox-closed = Frage #{ $number } ist schon abgeschlossen. Sie können eine neue Frage stellen.
inbox-answer = 💬 **Antwort der Beratung** der Anlaufstelle „Willkommen Europa“ (Frage #{ $number }):
    { $text }
inbox-reply-choice = ↩️ Antworten

# für das Team der Anlaufstelle (settings.staff_language): nie der Text der Person
inbox-staff-new = ✉️ Neue Frage #{ $number } ({ $language }, { $topic }).
inbox-staff-reply = ✉️ Neue Nachricht zu Frage #{ $number } ({ $language }, { $topic }).
inbox-staff-desk = Lesen und beantworten im Desk unter „Fragen“.
inbox-staff-desk-link = Lesen und beantworten im Desk: { $url }
inbox-staff-no-topic = ohne Thema
