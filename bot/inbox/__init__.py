"""Ask a counsellor: people's questions to the contact point, answered by a person in the desk.

- ``feature.py``: the chat side (``/ask``, consent, the question, replies in the thread);
- ``service.py``: what chat and desk share (staff notices without the text, delivering an answer,
  closing, the retention job); ``repository.py``: the tables (migration ``0007_inbox.sql``);
- ``settings.py``: close after N idle days, delete M days after closing, the announced answer time.
The desk page is ``bot/desk/inbox.py``.
"""
