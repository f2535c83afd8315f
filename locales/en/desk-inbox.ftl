# The desk: questions to the contact point (bot/desk/inbox.py). The staff's language.

desk-nav-inbox = Questions
desk-inbox-title = Questions to the counsellors
desk-inbox-explain = Open questions, those waiting longest first. Your answer arrives in the person's chat, as an answer from a counsellor.
desk-inbox-drafts-link = Draft example questions
desk-inbox-empty = No open questions.
desk-inbox-col-number = Question
desk-inbox-col-waiting = Waiting for
desk-inbox-col-messages = Messages
desk-inbox-col-active = Last message
desk-inbox-col-saved = Saved
desk-inbox-thread = Question #{ $number }
desk-inbox-answered = answered
desk-inbox-back = All questions
desk-inbox-closed-title = Closed recently
desk-inbox-closed-none = No closed questions.
desk-inbox-closed = closed
desk-inbox-messages = Messages
desk-inbox-undelivered = not delivered
desk-inbox-from-person = Person
desk-inbox-from-counsellor = Counsellor ({ $name })
desk-inbox-answer-title = Answer
desk-inbox-answer-label = Your answer (the person writes in { $language })
desk-inbox-answer-send = Send answer
desk-inbox-draft-title = Save as an example question
desk-inbox-draft-explain = This is how the bot learns from questions. Please remove names, numbers and addresses from the text.
desk-inbox-draft-save = Save draft
desk-inbox-close-title = Close
desk-inbox-close-explain = The person gets no message. Closed questions are deleted after a while.
desk-inbox-close = Close the question
desk-inbox-drafts-title = Draft example questions
desk-inbox-drafts-explain = Questions staff saved from the inbox, for the content. Also: “python -m bot inbox drafts”.
desk-inbox-drafts-empty = No drafts yet.
desk-inbox-wait-minutes = { $count } min
desk-inbox-wait-hours = { $count } h
desk-inbox-wait-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
desk-inbox-done-answered = The answer arrived in the person's chat.
desk-inbox-done-undelivered = The answer is saved but could not be delivered (the person cannot be reached in the chat).
desk-inbox-done-closed = The question is closed.
desk-inbox-done-draft = The draft is saved.
desk-inbox-error-empty = Please enter a text.
desk-inbox-error-closed = This question is already closed.
desk-inbox-error-node = Please choose a content node.
