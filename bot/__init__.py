"""The newcomers' bot: helps people who have just moved to Dortmund."""

__version__ = "0.1.0"
