# Думите, които разбирам във всяка стъпка, както хората ги пишат (и на латиница).
# Всеки списък: изрази, разделени със запетая. Списъците на всички езици се четат заедно.
words-yes = да, da, daa, разбира се, razbira se, потвърждавам, potvarzhdavam, potvyrjdavam, да моля
words-no = не, ne, нее, не искам, ne iskam, не благодаря, ne blagodarya
words-back = назад, nazad, обратно, obratno
words-menu = меню, menyu, menu, главно меню, glavno menyu, glavno menu, начало, nachalo, от начало, otnachalo
words-cancel = отказ, otkaz, откажи, otkazhi, отказвам се, otkazvam se, стоп, stop, спри, spri
# думи, които не променят смисъла: „в 10“, „искам 10:00“, „да, моля“
words-filler = в, v, във, моля, molya, mola, искам, iskam, за, za, на, na, часа, chasa, 4asa

talk-thanks-words = благодаря, blagodarya, blagodarq, blagodaria, благодаря ви, blagodarya vi, благодаря много, blagodarya mnogo, мерси, mersi, merci, много благодаря, mnogo mersi, мерси много
talk-hello-words = здравейте, zdraveyte, zdraveite, здравей, zdravey, zdravei, здрасти, zdrasti, добър ден, dobar den, dobur den, dobyr den, добро утро, dobro utro, добър вечер, dobar vecher, привет, privet, ало, alo
talk-bye-words = довиждане, dovizhdane, dovijdane, чао, chao, ciao, лека нощ, leka nosht, приятен ден, priyaten den
talk-human-words = човек ли си, chovek li si, 4ovek li si, човек ли сте, chovek li ste, робот ли си, robot li si, бот ли си, bot li si, с кого говоря, s kogo govorya, ти човек ли си, вие човек ли сте, истински човек ли си, с човек ли говоря, говоря ли с човек
talk-ok-words = ок, ok, okay, добре, dobre, разбрах, razbrah, ясно, yasno, супер, super, да, da, окей, okei, okey

talk-thanks = Моля! Ако имате още въпроси, пишете ми по всяко време.
talk-hello = Здравейте!
talk-bye = Довиждане! Пишете ми, когато имате въпрос.
talk-human = Не съм човек, а програма (бот). Отговарям с проверена информация. С човек можете да говорите в консултантския център „Willkommen Europa“: мога да Ви запиша час безплатно.
talk-ok = Добре. Тук съм, ако имате нужда от нещо.
step-not-understood = Не Ви разбрах. Моля, изберете една от опциите по-долу: натиснете я или напишете номера ѝ. За главното меню напишете „меню“.

# Спешни случаи (думите са в content/_safety/): този ред излиза пръв.
# TelefonSeelsorge: номерата са проверени в content/_safety/README.md.
safety-112 = 🆘 Ако е спешно, обадете се веднага на спешен телефон 112 (линейка, пожарна). Полиция: 110. Обаждането е безплатно.
    Ако мислите да посегнете на живота си или не издържате повече: TelefonSeelsorge (помощ по телефона при криза), безплатно и анонимно, денонощно: 0800 111 0 111 или 0800 111 0 222.
safety-fallback = При спешен случай се обадете на 112. Ако не издържате повече: TelefonSeelsorge 0800 111 0 111 (безплатно, анонимно, денонощно).
