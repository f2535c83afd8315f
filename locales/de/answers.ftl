# Antworten auf frei geschriebene Fragen.
answers-choose = Ich habe mehr als eine Antwort gefunden. Welche meinen Sie?
answers-maybe = Ich bin nicht sicher, ob ich Sie richtig verstanden habe. Suchen Sie das hier?
answers-also = Sie haben auch gefragt nach: { $topics }. Wählen Sie unten.
answers-none = Leider habe ich auf diese Frage noch keine Antwort. Wählen Sie ein Thema im Menü oder vereinbaren Sie einen kostenlosen Termin bei der Anlaufstelle „Willkommen Europa“: Dort hilft man Ihnen weiter.
    { safety-fallback }
answers-none-near = Leider habe ich auf diese Frage noch keine genaue Antwort. Vielleicht hilft Ihnen eines dieser Themen. Oder vereinbaren Sie einen kostenlosen Termin bei der Anlaufstelle „Willkommen Europa“: Dort hilft man Ihnen weiter.
    { safety-fallback }
answers-switch = Soll ich ab jetzt auf Deutsch schreiben?
