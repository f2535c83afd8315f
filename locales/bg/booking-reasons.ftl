# Why the contact point cancelled an appointment (preset reasons, shown to the person in their language)
booking-reason-illness = Консултантът е болен.
booking-reason-team-event = Екипът не е в офиса в този ден.
booking-reason-closed = Консултантският център е затворен в този ден.
booking-reason-unforeseen = Случи се нещо непредвидено.
booking-reason-none = Не е посочена причина.
booking-reason-free = Съобщение от консултантския център (на немски): „{ $text }“
booking-mine-cancelled-title = Наскоро отменени от консултантския център:
booking-mine-cancelled-line = { $when } – { $topic }. Причина: { $reason }
# Staff in chat
booking-staff-desk-link = Името и телефонът са на страницата Desk: { $url }
booking-staff-agenda-range-empty = Няма записани часове от { $first } до { $last }.
booking-staff-reasons-title = Готови причини (изпращат се на езика на човека):
booking-staff-noshow-too-early = Часът { $code } започва чак { $when }. „Не дойде“ може да се отбележи от началото на часа.
booking-staff-close-codes = Отменени кодове: { $codes }
