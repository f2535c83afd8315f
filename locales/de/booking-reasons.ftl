# Why the contact point cancelled an appointment (preset reasons, shown to the person in their language)
booking-reason-illness = Die Beraterin oder der Berater ist krank.
booking-reason-team-event = Das Team ist an diesem Tag nicht im Haus.
booking-reason-closed = Die Anlaufstelle ist an diesem Tag geschlossen.
booking-reason-unforeseen = Etwas Unvorhergesehenes ist passiert.
booking-reason-none = Kein Grund angegeben.
booking-reason-free = Nachricht der Anlaufstelle (auf Deutsch): „{ $text }“
booking-mine-cancelled-title = Vor Kurzem von der Anlaufstelle abgesagt:
booking-mine-cancelled-line = { $when } – { $topic }. Grund: { $reason }
# Staff in chat
booking-staff-desk-link = Name und Telefon stehen am Desk: { $url }
booking-staff-agenda-range-empty = Keine Termine vom { $first } bis { $last }.
booking-staff-reasons-title = Vorgegebene Gründe (werden in der Sprache der Person gesendet):
booking-staff-noshow-too-early = Termin { $code } beginnt erst { $when }. „Nicht erschienen“ geht erst ab Beginn des Termins.
booking-staff-close-codes = Abgesagte Codes: { $codes }
