# UI-Texte des Gesprächskerns. Kurz und einfach halten: Viele Leserinnen und Leser haben wenig Schulbildung.
# Die Begriffe aus shared/glossary.md verwenden.

language-name = Deutsch
language-prompt = Bitte wählen Sie Ihre Sprache.
language-set = Gut. Ich schreibe ab jetzt auf Deutsch.
language-offer = Ich schreibe Ihnen auf Deutsch. Sie können jederzeit eine andere Sprache wählen:
language-unknown = Die Sprache „{ $code }“ kenne ich nicht.

welcome = Hallo! Ich helfe Menschen, die neu nach Dortmund gezogen sind. Ich beantworte Fragen zu Krankenversicherung, Wohnen, Schule, Arbeit und Deutschkursen. Und ich kann für Sie einen Termin bei der Anlaufstelle „Willkommen Europa“ vereinbaren. Die Beratung dort ist kostenlos: Bezahlen Sie niemals jemanden dafür.
home-prompt = Wobei brauchen Sie Hilfe? Wählen Sie ein Thema oder schreiben Sie Ihre Frage.
topic-prompt = { $topic }: Wählen Sie eine Frage.

choice-home = 🏠 Hauptmenü
choice-back = ⬅️ Zurück
choice-language = 🌐 Sprache
choice-start = ▶️ Neu starten
choice-privacy-more = 🔒 Mehr zu Ihren Daten
choice-forget = 🗑️ Meine Daten löschen

help-intro = Sie können auf einen Knopf tippen, seine Nummer eingeben oder Ihre Frage mit eigenen Worten schreiben. Befehle:
command-start = Bot starten
command-menu = Hauptmenü
command-language = Sprache ändern
command-help = Hilfe
command-privacy = was ich über Sie speichere
command-forget = alle Ihre Daten löschen

privacy = Ich speichere nur, was ich brauche: Ihre Sprache, wo Sie gerade im Menü sind, Ihre Termine und die Fragen, die Sie einer Beraterin oder einem Berater schicken. Fragen, die ich nicht beantworten konnte, speichere ich ohne Ihren Namen. Mit /forget können Sie jederzeit alles löschen.
forget-confirm = Soll ich alles löschen, was ich über Sie gespeichert habe? Ihre kommenden Termine werden dann abgesagt.
forget-yes = Ja, alles löschen
forget-no = Nein, Daten behalten
forget-done = Erledigt. Ich habe alles gelöscht, was ich über Sie gespeichert hatte. Schreiben Sie /start, wenn Sie neu beginnen möchten.
forget-cancelled = Gut, es wurde nichts gelöscht.

unknown-command = Den Befehl /{ $command } kenne ich nicht. Mit /help sehen Sie, was ich kann.
staff-only = Dieser Befehl ist nur für die Mitarbeitenden der Anlaufstelle.
stale-choice = Dieser Knopf gilt nicht mehr. Hier ist das Hauptmenü.
error = Entschuldigung, bei mir ist etwas schiefgegangen. Bitte versuchen Sie es noch einmal.
media-unsupported = { $kind ->
    [sticker] Sticker kann ich nicht lesen.
    [photo] Fotos kann ich mir nicht ansehen.
    [voice] Sprachnachrichten kann ich nicht anhören.
    [video] Videos kann ich mir nicht ansehen.
    [document] Dateien kann ich nicht öffnen.
    [location] Standorte kann ich nicht verwenden.
   *[other] Ich kann nur Textnachrichten lesen.
} Bitte schreiben Sie Ihre Frage oder wählen Sie eine Option.
long-text-cut = Ihre Nachricht ist sehr lang: Ich habe nur die ersten { $max } Zeichen gelesen.
empty-message = Ihre Nachricht war leer. Wählen Sie eine Option oder schreiben Sie eine Frage.
no-words = Ich verstehe nur Wörter. Bitte schreiben Sie Ihre Frage oder wählen Sie eine Option.
out-of-range = Bitte geben Sie eine Zahl von 1 bis { $count } ein.
not-understood = Entschuldigung, das habe ich nicht verstanden. Wählen Sie ein Thema oder vereinbaren Sie einen Termin bei der Anlaufstelle.

checked-on = Geprüft am { DATETIME($date, dateStyle: "medium") }.
# The last line of an answer: its main official source, a link (title and address).
source-line = Offizielle Quelle: { $source }
unconfirmed = (nicht bestätigt, bitte prüfen)
hours-line = { $days }: { $start }–{ $end } (Sprachen: { $languages })
hours-none = Im Moment gibt es keine Sprechzeiten.
hours-note = Bitte vereinbaren Sie einen Termin, bevor Sie kommen.

weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag

staff-content-error = Der Inhalt wurde NICHT aktualisiert: { $count ->
    [one] Es gibt einen Fehler
   *[other] Es gibt { $count } Fehler
}. Der Bot zeigt weiter die letzte fehlerfreie Version.

slow-down = Sie schicken sehr schnell viele Nachrichten. Bitte warten Sie einen Moment, dann antworte ich wieder.
