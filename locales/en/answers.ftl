# Answers to questions typed in free text.
answers-choose = I found more than one answer. Which one do you mean?
answers-maybe = I am not sure I understood. Is this what you are looking for?
answers-also = You also asked about: { $topics }. Choose below.
answers-none = Sorry, I have no answer to this question yet. Choose a topic from the menu, or book a free appointment at the contact point “Willkommen Europa”: they can help you there.
    { safety-fallback }
answers-none-near = Sorry, I have no exact answer to this question yet. Maybe one of these topics helps. Or book a free appointment at the contact point “Willkommen Europa”: they can help you there.
    { safety-fallback }
answers-switch = Would you like me to write in English from now on?
