"""Free-text questions → content nodes: normalisation, transliteration, stemming, language, index, matcher."""
