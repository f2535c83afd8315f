# Ask a counsellor (bot/inbox): a person at the contact point reads the question and answers in the chat.
# Keep it short and plain. $languages: language names; $days: working days; $kept: days until deletion.

command-ask = ask a counsellor at the contact point
inbox-ask-choice = ✉️ Ask a counsellor
inbox-intro = ✉️ You can write your question to the contact point “Willkommen Europa”. A counsellor, a real person, will read it and answer you here in this chat.
    You can write in: { $languages }.
    An answer usually comes within { $days ->
        [one] one working day
       *[other] { $days } working days
    }.
inbox-consent = For this, your question is saved and read by the counsellors. It is deleted at the latest { $kept } days after the last message, or at any time with /forget. Do you agree?
inbox-consent-yes = ✅ Yes, I agree
inbox-consent-no = ✖️ No, back to the menu
inbox-write-prompt = Please write your question now, in one message.
inbox-cancel = ✖️ Cancel
inbox-open-thread = You already have an open question (#{ $number }). Write your message now: it is added to the same question.
inbox-sent = ✅ Thank you. Your question #{ $number } has been sent. A counsellor will answer you here, usually within { $days ->
        [one] one working day
       *[other] { $days } working days
    }.
inbox-added = ✅ Thank you. Your message was added to question #{ $number }.
inbox-reply-prompt = Please write your reply to question #{ $number } in one message.
inbox-closed = Question #{ $number } is already closed. You can ask a new question.
inbox-answer = 💬 **Answer from a counsellor** of the contact point “Willkommen Europa” (question #{ $number }):
    { $text }
inbox-reply-choice = ↩️ Reply

# for the staff of the contact point (settings.staff_language): never the person's text
inbox-staff-new = ✉️ New question #{ $number } ({ $language }, { $topic }).
inbox-staff-reply = ✉️ New message in question #{ $number } ({ $language }, { $topic }).
inbox-staff-desk = Read and answer it in the desk, under “Questions”.
inbox-staff-desk-link = Read and answer it in the desk: { $url }
inbox-staff-no-topic = no topic
