# Telegram-Kanal. Kurz und einfach halten.

telegram-group-notice = Ich antworte nur im privaten Chat, nicht in Gruppen. Bitte schreiben Sie mir direkt: @{ $bot }
telegram-edited = Änderungen an einer schon gesendeten Nachricht sehe ich nicht. Bitte senden Sie sie noch einmal als neue Nachricht.
telegram-page-previous = ◀️ Zurück
telegram-page-next = Mehr ▶️
telegram-page-gone = Diese Liste gilt nicht mehr. Bitte wählen Sie noch einmal.
