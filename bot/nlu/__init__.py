"""The project's spaCy pipeline (built from code), its lexicon and the crisis guard."""
