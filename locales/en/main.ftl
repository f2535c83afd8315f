# UI strings of the conversation core. Keep them short and plain: many readers have little schooling.
# Use the terms of shared/glossary.md.

language-name = English
language-prompt = Please choose your language.
language-set = OK. I will write in English from now on.
language-offer = I am writing to you in English. You can choose another language at any time:
language-unknown = I do not know the language “{ $code }”.

welcome = Hello! I help people who have just moved to Dortmund. I answer questions about health insurance, housing, school, work and German courses, and I can book an appointment at the contact point “Willkommen Europa”. The advice there is free of charge: never pay anyone for it.
home-prompt = What do you need help with? Choose a topic or write your question.
topic-prompt = { $topic }: choose a question.

choice-home = 🏠 Main menu
choice-back = ⬅️ Back
choice-language = 🌐 Language
choice-start = ▶️ Start again
choice-privacy-more = 🔒 More about your data
choice-forget = 🗑️ Delete my data

help-intro = You can tap a button, type its number, or write a question in your own words. Commands:
command-start = start the bot
command-menu = main menu
command-language = change the language
command-help = help
command-privacy = what I store about you
command-forget = delete all your data

privacy = I store only what I need: your language, where you are in the menu, your appointments and the questions you send to a counsellor. Questions I could not answer are stored without your name. You can delete everything at any time with /forget.
forget-confirm = Do you want me to delete everything I have stored about you? Your future appointments will be cancelled.
forget-yes = Yes, delete everything
forget-no = No, keep my data
forget-done = Done. I have deleted everything I stored about you. Write /start if you want to begin again.
forget-cancelled = OK, nothing was deleted.

unknown-command = I do not know the command /{ $command }. Type /help to see what I can do.
staff-only = This command is only for the staff of the contact point.
stale-choice = This button is no longer valid. Here is the main menu.
error = Sorry, something went wrong on my side. Please try again.
media-unsupported = { $kind ->
    [sticker] I cannot read stickers.
    [photo] I cannot look at photos.
    [voice] I cannot listen to voice messages.
    [video] I cannot watch videos.
    [document] I cannot open files.
    [location] I do not use locations.
   *[other] I can only read text messages.
} Please write your question or choose an option.
long-text-cut = Your message is very long: I read only the first { $max } characters.
empty-message = Your message was empty. Choose an option or write a question.
no-words = I can only understand words. Please write your question or choose an option.
out-of-range = Please type a number from 1 to { $count }.
not-understood = Sorry, I did not understand that. Choose a topic, or book an appointment at the contact point.

checked-on = Checked on { DATETIME($date, dateStyle: "medium") }.
# The last line of an answer: its main official source, a link (title and address).
source-line = Official source: { $source }
unconfirmed = (not confirmed, please check)
hours-line = { $days }: { $start }–{ $end } (languages: { $languages })
hours-none = There are no consultation hours at the moment.
hours-note = Please book an appointment before you come.

weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

staff-content-error = The content was NOT updated: { $count ->
    [one] there is one error
   *[other] there are { $count } errors
}. The bot keeps serving the last good version.

slow-down = You are sending many messages very quickly. Please wait a moment; I will answer again soon.
