# Booking an appointment at the contact point. Keep it short and plain; use the glossary terms.
# booking-entry must stay exactly as the content tells people to tap it.

booking-entry = Book an appointment
booking-mine-choice = 📋 My appointments
command-appointments = your appointments: book, move or cancel

booking-topic-prompt = What is your question about?
booking-topic-health = 🩺 Health insurance
booking-topic-housing = 🏠 Housing
booking-topic-school = 🎒 School and Kita
booking-topic-work = 💼 Work and benefits
booking-topic-other = ❓ Something else
booking-have = { $count ->
    [one] You already have one appointment.
   *[other] You already have { $count } appointments.
}

booking-language-prompt = In which language do you want the counselling? I only show languages with free appointments.
booking-none = There are no free appointments in the next weeks. Please come during the consultation hours and ask the staff for an appointment.
booking-no-days = { $days ->
    [one] There is no free appointment in { $language } on the next day.
   *[other] There is no free appointment in { $language } in the next { $days } days.
} Please choose another language.
booking-day-prompt = Counselling in { $language }. Choose a day.
booking-later-days = ➡️ Later days
booking-day-full = This day is now fully booked. Please choose another day.
booking-time-prompt = { $day }: choose a time.
booking-just-taken = Sorry, someone has just taken this time.
booking-next-free = These times are still free:
booking-other-day = 📅 Another day
booking-same-time = You already have an appointment at this time. Please choose another time.
booking-limit = { $count ->
    [one] You already have one appointment. Please cancel or move it before you book a new one.
   *[other] You already have { $count } appointments. Please cancel or move one before you book a new one.
}

booking-name-prompt = What is your first name? Then the staff know who you are when you come. This is optional: you can skip it.
booking-name-invalid = Please write only your first name, in letters, at most { $max } characters. Or skip this step.
booking-phone-prompt = What is your phone number? The staff only call you if your appointment has to change. This is optional: you can skip it.
booking-phone-invalid = This does not look like a phone number. Please write it like 0176 12345678 or +40 721 234 567. Or skip this step.
booking-skip = ⏭️ Skip

booking-summary = Please check your appointment:
booking-line-when = When: { $when }
booking-line-topic = Topic: { $topic }
booking-line-language = Language: { $language }
booking-line-where = Address: { $address }
booking-line-name = First name: { $name }
booking-line-phone = Phone: { $phone }
booking-held = I keep this time for you for { $minutes ->
    [one] one minute.
   *[other] { $minutes } minutes.
}
booking-confirm = ✅ Confirm
booking-other-time = 🕒 Another time
booking-abort = ✖️ Do not book
booking-aborted = OK, nothing was booked.

booking-done = ✅ Your appointment is booked: { $when }.
booking-moved = ✅ Your appointment is moved to { $when }.
booking-code = Your code: **{ $code }**. Show it at the desk.
booking-bring = Bring your documents. See the list “{ $label }”.
booking-free = The appointment is free of charge.

booking-mine-title = { $count ->
    [one] Your appointment:
   *[other] Your { $count } appointments:
}
booking-mine-line = { $when } – { $topic }, { $language } (code { $code })
booking-mine-none = You have no appointments.
booking-move-choice = 🕒 Move: { $when }
booking-cancel-choice = ✖️ Cancel: { $when }
booking-cancel-choice-short = ✖️ Cancel the appointment
booking-moving = Choose a new time. Your appointment stays until the new one is confirmed.
booking-cancel-ask = Do you really want to cancel your appointment on { $when }?
booking-cancel-yes = Yes, cancel it
booking-cancel-no = No, keep it
booking-cancelled = Your appointment on { $when } is cancelled.
booking-not-found = I cannot find this appointment. It may already be cancelled or over.

booking-reminder = ⏰ Reminder: your appointment at the contact point “Willkommen Europa” is on { $when }.
    Address: { $address }
    Your code: **{ $code }**
    If you cannot come, please cancel the appointment.
booking-cancelled-by-staff = ❗ The contact point “Willkommen Europa” had to cancel your appointment on { $when }. Reason: { $reason }
    Please book a new appointment. We are sorry.

# for the staff of the contact point (settings.staff_language)
booking-staff-line = { $code } – { $when } – { $language } – { $topic }
booking-staff-new = 📅 New appointment: { $booking }
booking-staff-moved = 🔁 Appointment { $old } ({ $before }) moved: { $booking }
booking-staff-cancelled = ✖️ Cancelled by the person: { $booking }
booking-staff-cancelled-by-staff = ✖️ Cancelled by staff: { $booking }
booking-staff-forgotten = ✖️ Cancelled, the person deleted their data: { $booking }
booking-staff-agenda-title = Agenda for { $day }: { $count ->
    [one] one appointment
   *[other] { $count } appointments
}
booking-staff-agenda-empty = No appointments on { $day }.
booking-staff-agenda-usage = Usage: /agenda [YYYY-MM-DD [YYYY-MM-DD]] (up to 31 days)
booking-staff-no-show-mark = did not come
booking-staff-cancel-usage = Usage: /cancel CODE reason (a number from the list or your own words)
booking-staff-unknown-code = There is no booked appointment with the code { $code }.
booking-staff-cancel-done = Appointment { $code } is cancelled. { $told ->
    [yes] The person was told.
   *[no] The person could not be reached.
}
booking-staff-noshow-usage = Usage: /noshow CODE
booking-staff-noshow-unknown = There is no appointment with the code { $code } that has already started.
booking-staff-noshow-done = Appointment { $code } is marked as “did not come”.
booking-staff-close-usage = Usage: /close YYYY-MM-DD reason
booking-staff-close-past = { $day } is in the past.
booking-staff-close-done = { $day } is now a closing day. { $count ->
    [one] One appointment was cancelled
   *[other] { $count } appointments were cancelled
}; people told: { $told }.

# While the consultation hours are not confirmed (contact-point.yml, booking.when_unconfirmed).
# demo: this line is in every booking step, the confirmation, the list and the reminder.
booking-unconfirmed = ⚠️ The contact point has not confirmed these consultation hours yet: do not rely on this appointment.
# closed: instead of booking
booking-closed = You cannot book an appointment here yet: the contact point “Willkommen Europa” has not confirmed its consultation hours.
booking-closed-visit = Please go to the contact point and ask there: { $address }
booking-closed-ask = Please ask the contact point directly when you can come. You find the address below.
# for the staff
booking-staff-unconfirmed = ⚠️ Consultation hours not confirmed: the person was told not to rely on this appointment.
# what people write when they look for their own appointment (phrases separated by commas)
booking-mine-words = my appointment, my appointments, when is my appointment, cancel my appointment, move my appointment, change my appointment
booking-move-note = Your current appointment stays until you confirm. Then you get a new code, and the old code is no longer valid.
booking-move-kept = OK, nothing was changed. Your appointment on { $when } stays, with the same code.
booking-old-code = Your old code { $code } is no longer valid.
booking-move-gone = The appointment you wanted to move is no longer booked (it was cancelled or is over). Nothing was changed.
# the chosen time cannot be booked any more (passed, or the day was closed): nobody "took" it
booking-time-gone = Sorry, this time can no longer be booked.
# confirmed after the hold ran out (booking-held says how long it lasts)
booking-hold-expired-taken = I could keep this time for you only for a few minutes. That time is over, and meanwhile someone else booked it.
booking-hold-expired-gone = I could keep this time for you only for a few minutes. That time is over, and this time can no longer be booked.
# what people write when they want to book (phrases separated by commas); only a message that says
# nothing else starts booking ("i need an appointment with a doctor" stays a question)
booking-new-words = book an appointment, make an appointment, i want an appointment, i need an appointment, new appointment, i would like an appointment, i want to book an appointment, appointment please
# what people write to cancel or move their appointment (only the whole message; with one appointment
# it leads straight to the cancel question or to choosing the new time)
booking-cancel-words = cancel my appointment, cancel the appointment, i want to cancel, i want to cancel my appointment, i cannot come, i can't come
booking-move-words = move my appointment, change my appointment, reschedule, another time, another day
# typed instead of pressing "skip" at the optional name and phone steps (the whole message)
booking-skip-words = skip, skip it, next, no name, no phone, without phone, i have no phone, i dont have a phone, no number, i have no number, rather not say, prefer not to say
