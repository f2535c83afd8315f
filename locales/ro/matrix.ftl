# Canalul Matrix. Texte scurte și simple.

# A sosit un mesaj criptat pe care botul nu îl poate decripta (a cerut cheia aplicației expeditorului).
matrix-undecryptable = Nu am putut citi ultimul dumneavoastră mesaj: a sosit criptat, iar eu nu am încă cheia lui. Vă rog să îl trimiteți încă o dată.
