# Wörter, die ich in jedem Schritt verstehe, so wie Menschen sie schreiben.
# Jede Liste: Ausdrücke, durch Komma getrennt. Die Listen aller Sprachen werden zusammen gelesen.
words-yes = ja, jaa, jawohl, genau, bestätigen, bestaetigen, ja bitte, einverstanden
words-no = nein, nee, nö, noe, nein danke
words-back = zurück, zurueck, zuruck
words-menu = menü, menue, hauptmenü, hauptmenue, start, anfang, von vorne
words-cancel = abbrechen, stopp, aufhören, aufhoeren
# Wörter, die den Sinn nicht ändern: „um 10“, „ich möchte 10:00“, „ja, bitte“
words-filler = um, bitte, ich, möchte, moechte, will, den, die, der, uhr, gerne, gern

talk-thanks-words = danke, danke schön, danke schoen, dankeschön, dankeschoen, danke sehr, vielen dank, herzlichen dank
talk-hello-words = hallo, guten tag, guten morgen, guten abend, moin, servus, grüß gott, gruess gott
talk-bye-words = tschüss, tschuess, tschüs, tschau, auf wiedersehen, bis bald
talk-human-words = bist du ein mensch, sind sie ein mensch, bist du ein bot, sind sie ein bot, bist du ein roboter, mit wem spreche ich, bist du echt
talk-ok-words = ok, okay, gut, alles klar, verstanden, super, prima, ja

talk-thanks = Gern geschehen! Schreiben Sie mir jederzeit, wenn Sie noch Fragen haben.
talk-hello = Guten Tag!
talk-bye = Auf Wiedersehen! Schreiben Sie mir, wenn Sie eine Frage haben.
talk-human = Ich bin kein Mensch, sondern ein Programm (ein Bot). Ich antworte mit geprüften Informationen. Mit einem Menschen sprechen Sie in der Anlaufstelle „Willkommen Europa“: Ich kann dort einen kostenlosen Termin für Sie vereinbaren.
talk-ok = Gut. Ich bin da, wenn Sie noch etwas brauchen.
step-not-understood = Das habe ich nicht verstanden. Bitte wählen Sie eine der Möglichkeiten unten: Tippen Sie darauf oder schreiben Sie ihre Nummer. Zum Hauptmenü schreiben Sie „Menü“.

# Notfälle (die Wörter stehen in content/_safety/): diese Zeile kommt zuerst.
# TelefonSeelsorge: die Nummern sind in content/_safety/README.md belegt.
safety-112 = 🆘 Wenn es ein Notfall ist, rufen Sie sofort den Notruf 112 an (Rettungsdienst, Feuerwehr). Polizei: 110. Der Anruf ist kostenlos.
    Wenn Sie daran denken, sich das Leben zu nehmen, oder nicht mehr weiterwissen: TelefonSeelsorge, kostenlos und anonym, rund um die Uhr: 0800 111 0 111 oder 0800 111 0 222.
safety-fallback = Im Notfall rufen Sie die 112 an. Wenn Sie nicht mehr weiterwissen: TelefonSeelsorge 0800 111 0 111 (kostenlos, anonym, rund um die Uhr).
