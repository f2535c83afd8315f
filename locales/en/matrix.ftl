# Matrix channel. Keep it short and plain.

# An encrypted message arrived that the bot cannot decrypt (it has asked the sender's app for the key).
matrix-undecryptable = I could not read your last message: it came encrypted with a key I do not have yet. Please send it again.
