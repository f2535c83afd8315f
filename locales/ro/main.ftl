# Textele interfeței din nucleul conversației. Păstrați-le scurte și simple: mulți cititori au puțină școală.
# Folosiți termenii din shared/glossary.md.

language-name = Română
language-prompt = Vă rog să alegeți limba.
language-set = Bine. De acum încolo vă scriu în română.
language-offer = Vă scriu în română. Puteți alege oricând altă limbă:
language-unknown = Nu cunosc limba „{ $code }”.

welcome = Bună ziua! Ajut oamenii care s-au mutat de curând în Dortmund. Răspund la întrebări despre asigurarea de sănătate, locuință, școală, muncă și cursuri de germană. Vă pot face și o programare la centrul de consiliere „Willkommen Europa”. Consilierea de acolo este gratuită: nu dați niciodată bani nimănui pentru ea.
home-prompt = Cu ce vă pot ajuta? Alegeți un subiect sau scrieți întrebarea dumneavoastră.
topic-prompt = { $topic }: alegeți o întrebare.

choice-home = 🏠 Meniul principal
choice-back = ⬅️ Înapoi
choice-language = 🌐 Limba
choice-start = ▶️ Începeți din nou
choice-privacy-more = 🔒 Mai multe despre datele dumneavoastră
choice-forget = 🗑️ Ștergeți datele mele

help-intro = Puteți apăsa pe un buton, puteți scrie numărul lui sau puteți pune o întrebare cu cuvintele dumneavoastră. Comenzi:
command-start = porniți botul
command-menu = meniul principal
command-language = schimbați limba
command-help = ajutor
command-privacy = ce păstrez despre dumneavoastră
command-forget = ștergeți toate datele dumneavoastră

privacy = Păstrez doar ce îmi trebuie: limba aleasă, locul în care vă aflați în meniu, programările dumneavoastră și întrebările pe care le trimiteți unui consilier. Întrebările la care nu am răspuns le păstrez fără numele dumneavoastră. Puteți șterge totul oricând cu /forget.
forget-confirm = Doriți să șterg tot ce am păstrat despre dumneavoastră? Programările viitoare vor fi anulate.
forget-yes = Da, ștergeți tot
forget-no = Nu, păstrați datele mele
forget-done = Gata. Am șters tot ce păstrasem despre dumneavoastră. Scrieți /start dacă doriți să începeți din nou.
forget-cancelled = Bine, nu s-a șters nimic.

unknown-command = Nu cunosc comanda /{ $command }. Scrieți /help ca să vedeți ce pot face.
staff-only = Această comandă este doar pentru personalul centrului de consiliere.
stale-choice = Acest buton nu mai este valabil. Iată meniul principal.
error = Îmi pare rău, ceva nu a mers bine la mine. Vă rog să încercați din nou.
media-unsupported = { $kind ->
    [sticker] Nu pot citi stickere.
    [photo] Nu pot vedea fotografii.
    [voice] Nu pot asculta mesaje vocale.
    [video] Nu pot vedea videoclipuri.
    [document] Nu pot deschide fișiere.
    [location] Nu folosesc locații.
   *[other] Pot citi doar mesaje text.
} Vă rog să scrieți întrebarea sau să alegeți o opțiune.
long-text-cut = Mesajul este foarte lung: am citit doar primele { $max } de caractere.
empty-message = Mesajul era gol. Alegeți o opțiune sau scrieți o întrebare.
no-words = Înțeleg doar cuvinte. Vă rog să scrieți întrebarea sau să alegeți o opțiune.
out-of-range = Vă rog să scrieți un număr de la 1 la { $count }.
not-understood = Îmi pare rău, nu am înțeles. Alegeți un subiect sau faceți o programare la centrul de consiliere.

checked-on = Verificat la data de { DATETIME($date, dateStyle: "medium") }.
# The last line of an answer: its main official source, a link (title and address).
source-line = Sursa oficială: { $source }
unconfirmed = (neconfirmat, vă rog să verificați)
hours-line = { $days }: { $start }–{ $end } (limbi: { $languages })
hours-none = Momentan nu există program de consultații.
hours-note = Vă rog să faceți o programare înainte să veniți.

weekday-mon = luni
weekday-tue = marți
weekday-wed = miercuri
weekday-thu = joi
weekday-fri = vineri
weekday-sat = sâmbătă
weekday-sun = duminică

staff-content-error = Conținutul NU a fost actualizat: { $count ->
    [one] există o eroare
    [few] există { $count } erori
   *[other] există { $count } de erori
}. Botul folosește în continuare ultima versiune fără erori.

slow-down = Trimiteți foarte multe mesaje foarte repede. Vă rog să așteptați puțin; vă răspund din nou în curând.
