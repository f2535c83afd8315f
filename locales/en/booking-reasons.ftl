# Why the contact point cancelled an appointment (preset reasons, shown to the person in their language)
booking-reason-illness = The counsellor is ill.
booking-reason-team-event = The team is not in the office that day.
booking-reason-closed = The contact point is closed that day.
booking-reason-unforeseen = Something unexpected happened.
booking-reason-none = No reason was given.
booking-reason-free = Message from the contact point (in German): "{ $text }"
booking-mine-cancelled-title = Recently cancelled by the contact point:
booking-mine-cancelled-line = { $when } – { $topic }. Reason: { $reason }
# Staff in chat
booking-staff-desk-link = Name and phone are on the desk: { $url }
booking-staff-agenda-range-empty = No appointments from { $first } to { $last }.
booking-staff-reasons-title = Preset reasons (sent in the person's language):
booking-staff-noshow-too-early = Appointment { $code } starts only { $when }. "Did not come" works from the start of the appointment.
booking-staff-close-codes = Cancelled codes: { $codes }
