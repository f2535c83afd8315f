# Matrix-Kanal. Kurz und einfach halten.

# Eine verschlüsselte Nachricht kam an, die der Bot nicht entschlüsseln kann (er hat den Schlüssel angefragt).
matrix-undecryptable = Ich konnte Ihre letzte Nachricht nicht lesen: Sie kam verschlüsselt an, und mir fehlt noch der Schlüssel dazu. Bitte schicken Sie sie noch einmal.
