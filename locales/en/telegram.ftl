# Telegram channel. Keep them short and plain.

telegram-group-notice = I only answer in a private chat, not in groups. Please write to me directly: @{ $bot }
telegram-edited = I cannot see changes to a message you already sent. Please send it again as a new message.
telegram-page-previous = ◀️ Previous
telegram-page-next = More ▶️
telegram-page-gone = This list is no longer valid. Please choose again.
