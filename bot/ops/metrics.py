"""Prometheus metrics. Counters only count: no label ever carries a user reference or message text."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES = Counter("bot_updates", "Inbound events handled", ["channel"], registry=REGISTRY)
ERRORS = Counter("bot_errors", "Errors while handling or sending", ["where"], registry=REGISTRY)
HANDLE_SECONDS = Histogram(
    "bot_handle_seconds",
    "Time to handle one inbound event in the core",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
    registry=REGISTRY,
)
QUESTIONS = Counter("bot_questions", "Free-text questions by outcome", ["outcome"], registry=REGISTRY)
BOOKINGS = Counter("bot_bookings", "Appointment events", ["event"], registry=REGISTRY)
REMINDER_LAG = Histogram(
    "bot_reminder_lag_seconds",
    "How late reminders went out after their due time",
    buckets=(1, 5, 15, 60, 300, 900, 3600),
    registry=REGISTRY,
)
CONTENT_VERSION = Gauge("bot_content_version", "Version of the content being served", registry=REGISTRY)
CONTENT_REJECTED = Counter(
    "bot_content_rejected", "Content edits not served because of errors", registry=REGISTRY
)
