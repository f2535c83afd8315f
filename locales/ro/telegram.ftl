# Canalul Telegram. Texte scurte și simple.

telegram-group-notice = Răspund doar în conversația privată, nu în grupuri. Vă rog să îmi scrieți direct: @{ $bot }
telegram-edited = Nu văd modificările unui mesaj deja trimis. Vă rog să îl trimiteți din nou, ca mesaj nou.
telegram-page-previous = ◀️ Înapoi
telegram-page-next = Mai multe ▶️
telegram-page-gone = Această listă nu mai este valabilă. Vă rog să alegeți din nou.
