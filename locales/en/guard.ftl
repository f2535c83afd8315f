# Against appointment scalping (bot/booking/guard.py) and staff's view of one account (bot/staff/accounts.py).
booking-wait-busy = Many appointments were booked in the last hours. To keep appointments fair for everyone, new bookings wait a little. Please try again from { $when }.
    You can also come without an appointment during the consultation hours.
booking-wait-new = Many people are booking right now. You can book an appointment from { $when }. Please try again then.
    You can also come without an appointment during the consultation hours.
booking-wait-holds = You have chosen times very often. Please try again from { $when }.
    You can also come without an appointment during the consultation hours.

# for the contact point's staff (settings.staff_language)
booking-staff-rate = ⚠️ The booking limit is reached ({ $hour } per hour, { $day } per day). New bookings wait. Many bookings at once can mean scalping: check accounts with /account CODE, cancel with /cancelaccount CODE reason.
booking-staff-account-usage = Usage: /account CODE (a code of one of the account's appointments)
booking-staff-account-title = Account #{ $account } ({ $channel }), first seen { $seen }: { $count ->
    [one] one appointment
   *[other] { $count } appointments
}
booking-staff-account-holds = Times held now: { $now }. Times chosen in the last 24 hours: { $day }.
booking-staff-hold-mark = held, not confirmed
booking-staff-cancelled-mark = cancelled
booking-staff-account-mark = account #{ $account }: { $count } appointments
booking-staff-cancelaccount-usage = Usage: /cancelaccount CODE reason
booking-staff-cancelaccount-done = Account #{ $account }: { $count ->
    [one] one appointment cancelled
   *[other] { $count } appointments cancelled
}, { $told } told.
