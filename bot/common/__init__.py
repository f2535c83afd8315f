"""Leaf utilities every layer may use: the reply markup and content issues. Imports nothing of bot."""
