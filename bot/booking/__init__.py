"""Appointments at the contact point: schedule, bookings, the booking conversation, reminders."""
