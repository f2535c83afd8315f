"""The contact point's side: staff commands in chat, exports (JSON, CSV, iCalendar) and statistics."""
