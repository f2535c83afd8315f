# Împotriva acaparării programărilor (bot/booking/guard.py) și un cont văzut de echipă (bot/staff/accounts.py).
booking-wait-busy = În ultimele ore s-au făcut multe programări. Ca programările să fie corecte pentru toți, programările noi așteaptă puțin. Vă rog să încercați din nou de la { $when }.
    Puteți veni și fără programare, în programul de consultații.
booking-wait-new = Acum mulți oameni fac programări. Puteți face o programare de la { $when }. Vă rog să încercați din nou atunci.
    Puteți veni și fără programare, în programul de consultații.
booking-wait-holds = Ați ales ore de foarte multe ori. Vă rog să încercați din nou de la { $when }.
    Puteți veni și fără programare, în programul de consultații.

# pentru echipa centrului de consiliere (settings.staff_language)
booking-staff-rate = ⚠️ Limita de programări este atinsă ({ $hour } pe oră, { $day } pe zi). Programările noi așteaptă. Multe programări deodată pot însemna acaparare: verificați conturile cu /account COD, anulați cu /cancelaccount COD motiv.
booking-staff-account-usage = Utilizare: /account COD (codul unei programări a contului)
booking-staff-account-title = Contul #{ $account } ({ $channel }), văzut prima dată { $seen }: { $count ->
    [one] o programare
    [few] { $count } programări
   *[other] { $count } de programări
}
booking-staff-account-holds = Ore rezervate acum: { $now }. Ore alese în ultimele 24 de ore: { $day }.
booking-staff-hold-mark = rezervată, neconfirmată
booking-staff-cancelled-mark = anulată
booking-staff-account-mark = contul #{ $account }: { $count } programări
booking-staff-cancelaccount-usage = Utilizare: /cancelaccount COD motiv
booking-staff-cancelaccount-done = Contul #{ $account }: { $count ->
    [one] o programare anulată
    [few] { $count } programări anulate
   *[other] { $count } de programări anulate
}, { $told } anunțate.
