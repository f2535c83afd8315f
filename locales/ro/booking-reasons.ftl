# Why the contact point cancelled an appointment (preset reasons, shown to the person in their language)
booking-reason-illness = Consilierul este bolnav.
booking-reason-team-event = Echipa nu este la birou în ziua aceea.
booking-reason-closed = Centrul de consiliere este închis în ziua aceea.
booking-reason-unforeseen = S-a întâmplat ceva neprevăzut.
booking-reason-none = Nu s-a dat niciun motiv.
booking-reason-free = Mesaj de la centrul de consiliere (în germană): „{ $text }”
booking-mine-cancelled-title = Anulate de curând de centrul de consiliere:
booking-mine-cancelled-line = { $when } – { $topic }. Motivul: { $reason }
# Staff in chat
booking-staff-desk-link = Numele și telefonul sunt pe pagina Desk: { $url }
booking-staff-agenda-range-empty = Nicio programare între { $first } și { $last }.
booking-staff-reasons-title = Motive pregătite (se trimit în limba persoanei):
booking-staff-noshow-too-early = Programarea { $code } începe abia { $when }. „Nu a venit” se poate marca de la începutul programării.
booking-staff-close-codes = Coduri anulate: { $codes }
