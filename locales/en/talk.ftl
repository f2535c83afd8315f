# Words understood in every step, as people type them.
# Each list: phrases separated by commas. The lists of all languages are read together.
words-yes = yes, yeah, yep, sure, ok, okay, confirm, yes please, of course
words-no = no, nope, no thanks, no thank you
words-back = back, go back, previous
words-menu = menu, main menu, home, start, start again, start over
words-cancel = cancel, stop, quit, exit
# words that do not change the meaning: "at 10", "I want 10:00", "yes, please"
words-filler = at, please, i, want, would, like, the, a, to

talk-thanks-words = thanks, thank you, thank you very much, thanks a lot, many thanks, thx, ty
talk-hello-words = hello, hi, hey, good morning, good afternoon, good evening
talk-bye-words = bye, goodbye, bye bye, see you
talk-human-words = are you a person, are you human, are you a human, are you a bot, are you a robot, are you real, who am i talking to
talk-ok-words = ok, okay, fine, got it, great, cool, yes

talk-thanks = You are welcome! Write to me any time if you have more questions.
talk-hello = Hello!
talk-bye = Goodbye! Write to me whenever you have a question.
talk-human = I am not a person but a program (a bot). My answers come from checked information. You can talk to a person at the contact point “Willkommen Europa”: I can book you a free appointment there.
talk-ok = All right. I am here if you need anything else.
step-not-understood = I did not understand that. Please choose one of the options below: tap it or write its number. For the main menu, write “menu”.

# Emergencies (the words are in content/_safety/): this line comes first.
# TelefonSeelsorge: the numbers are checked in content/_safety/README.md.
safety-112 = 🆘 If this is an emergency, call the emergency number 112 now (ambulance, fire brigade). Police: 110. The call is free.
    If you are thinking of ending your life or cannot go on: TelefonSeelsorge (a crisis phone line), free of charge and anonymous, day and night: 0800 111 0 111 or 0800 111 0 222.
safety-fallback = In an emergency, call 112. If you cannot go on: TelefonSeelsorge 0800 111 0 111 (free of charge, anonymous, day and night).
