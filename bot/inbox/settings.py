"""The inbox's settings, with their defaults (``bot.app`` hands them to the feature)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InboxSettings:
    close_after_days: int = 14  # an open thread without a message for this long is closed
    delete_after_days: int = 30  # a closed thread is deleted this long after closing
    # what people are told before they ask: "usually within N working days". Set it to what the
    # contact point can keep; 3 is a placeholder until the contact point confirms it.
    answer_days: int = 3
    retention_every: float = 3600.0  # seconds between two runs of the retention job
