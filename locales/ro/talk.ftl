# Cuvintele pe care le înțeleg în orice pas, așa cum le scriu oamenii (și fără diacritice).
# Fiecare listă: expresii despărțite prin virgulă. Listele tuturor limbilor sunt citite împreună.
words-yes = da, daa, sigur, desigur, confirm, confirmati, confirmă, da te rog, sigur ca da
words-no = nu, nu vreau, nu doresc, nu multumesc, nu mersi
words-back = înapoi, inapoi, pasul anterior, inapoi te rog
words-menu = meniu, meniul, meniul principal, acasă, acasa, de la început, de la inceput
words-cancel = anulare, anulează, anuleaza, renunț, renunt, stop, nu mai vreau
# cuvinte care nu schimbă sensul: „la 10”, „vreau 10:00”, „da, vă rog”
words-filler = la, ora, orele, pe, te, rog, vă, va, vreau, doresc, aș, as, vrea, să, sa, aleg, o, un, de, în, in, și, si

talk-thanks-words = mulțumesc, multumesc, multumim, mersi, merci, mulțumesc frumos, multumesc frumos, multumesc mult, mersi mult, mersi frumos, vă mulțumesc, va multumesc, îți mulțumesc, iti multumesc, multumesc mult de tot, mersi mult de tot, multumesc din suflet
talk-hello-words = bună, buna, bună ziua, buna ziua, bună seara, buna seara, bună dimineața, buna dimineata, neața, neata, salut, salutare, servus, hei, alo
talk-bye-words = la revedere, pa, pa pa, o zi bună, o zi buna, noapte bună, noapte buna
talk-human-words = ești om, esti om, sunteți om, sunteti om, ești robot, esti robot, esti un robot, esti bot, esti un bot, ești o persoană, esti o persoana, cu cine vorbesc, vorbesc cu un om, sunteți o persoană reală, sunteti o persoana reala, esti o persoana reala, esti om sau robot, ești om sau robot
talk-ok-words = ok, okay, bine, e bine, am înțeles, am inteles, înțeles, inteles, super, perfect, da

talk-thanks = Cu plăcere! Dacă mai aveți întrebări, scrieți-mi oricând.
talk-hello = Bună ziua!
talk-bye = La revedere! Scrieți-mi oricând aveți o întrebare.
talk-human = Nu sunt om, sunt un program (un bot). Răspund cu informații verificate. Cu un om puteți vorbi la centrul de consiliere „Willkommen Europa”: vă pot face o programare gratuită.
talk-ok = Bine. Sunt aici dacă mai aveți nevoie de ceva.
step-not-understood = Nu am înțeles. Vă rog să alegeți una dintre opțiunile de mai jos: apăsați pe ea sau scrieți numărul ei. Pentru meniul principal scrieți „meniu”.

# Urgențe (cuvintele sunt în content/_safety/): linia aceasta apare prima.
# TelefonSeelsorge: numerele sunt verificate în content/_safety/README.md.
safety-112 = 🆘 Dacă este o urgență, sunați acum la numărul de urgență 112 (ambulanță, pompieri). Poliția: 110. Apelul este gratuit.
    Dacă vă gândiți să vă luați viața sau nu mai puteți: TelefonSeelsorge (ajutor la telefon în criză), gratuit și anonim, zi și noapte: 0800 111 0 111 sau 0800 111 0 222.
safety-fallback = În caz de urgență sunați la 112. Dacă nu mai puteți: TelefonSeelsorge 0800 111 0 111 (gratuit, anonim, zi și noapte).
