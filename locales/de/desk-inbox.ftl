# Der Desk: Fragen an die Anlaufstelle (bot/desk/inbox.py). Sprache des Teams.

desk-nav-inbox = Fragen
desk-inbox-title = Fragen an die Beratung
desk-inbox-explain = Offene Fragen, die am längsten wartenden zuerst. Ihre Antwort kommt im Chat der Person an, als Antwort der Beratung.
desk-inbox-drafts-link = Entwürfe für Beispielfragen
desk-inbox-empty = Keine offenen Fragen.
desk-inbox-col-number = Frage
desk-inbox-col-waiting = Wartet seit
desk-inbox-col-messages = Nachrichten
desk-inbox-col-active = Letzte Nachricht
desk-inbox-col-saved = Gespeichert
desk-inbox-thread = Frage #{ $number }
desk-inbox-answered = beantwortet
desk-inbox-back = Alle Fragen
desk-inbox-closed-title = Zuletzt abgeschlossen
desk-inbox-closed-none = Keine abgeschlossenen Fragen.
desk-inbox-closed = abgeschlossen
desk-inbox-messages = Nachrichten
desk-inbox-undelivered = nicht zugestellt
desk-inbox-from-person = Person
desk-inbox-from-counsellor = Beratung ({ $name })
desk-inbox-answer-title = Antworten
desk-inbox-answer-label = Ihre Antwort (die Person schreibt auf { $language })
desk-inbox-answer-send = Antwort senden
desk-inbox-draft-title = Als Beispielfrage speichern
desk-inbox-draft-explain = So lernt der Bot aus den Fragen. Bitte Namen, Nummern und Adressen aus dem Text entfernen.
desk-inbox-draft-save = Entwurf speichern
desk-inbox-close-title = Abschließen
desk-inbox-close-explain = Die Person bekommt keine Nachricht. Abgeschlossene Fragen werden nach einiger Zeit gelöscht.
desk-inbox-close = Frage abschließen
desk-inbox-drafts-title = Entwürfe für Beispielfragen
desk-inbox-drafts-explain = Fragen, die das Team aus dem Postfach gespeichert hat, für die Inhalte. Auch mit „python -m bot inbox drafts“.
desk-inbox-drafts-empty = Noch keine Entwürfe.
desk-inbox-wait-minutes = { $count } Min.
desk-inbox-wait-hours = { $count } Std.
desk-inbox-wait-days = { $count ->
    [one] 1 Tag
   *[other] { $count } Tage
}
desk-inbox-done-answered = Die Antwort ist im Chat der Person angekommen.
desk-inbox-done-undelivered = Die Antwort ist gespeichert, konnte aber nicht zugestellt werden (die Person ist im Chat nicht erreichbar).
desk-inbox-done-closed = Die Frage ist abgeschlossen.
desk-inbox-done-draft = Der Entwurf ist gespeichert.
desk-inbox-error-empty = Bitte einen Text eingeben.
desk-inbox-error-closed = Diese Frage ist schon abgeschlossen.
desk-inbox-error-node = Bitte einen Inhalt wählen.
