# Răspunsuri la întrebările scrise liber.
answers-choose = Am găsit mai multe răspunsuri. La care vă referiți?
answers-maybe = Nu sunt sigur că am înțeles. Asta căutați?
answers-also = Ați întrebat și despre: { $topics }. Alegeți mai jos.
answers-none = Îmi pare rău, încă nu am un răspuns la această întrebare. Alegeți o temă din meniu sau faceți o programare gratuită la centrul de consiliere „Willkommen Europa”: acolo vă pot ajuta.
    { safety-fallback }
answers-none-near = Îmi pare rău, încă nu am un răspuns exact la această întrebare. Poate vă ajută una dintre aceste teme. Sau faceți o programare gratuită la centrul de consiliere „Willkommen Europa”: acolo vă pot ajuta.
    { safety-fallback }
answers-switch = Vreți să vă scriu în română de acum înainte?
