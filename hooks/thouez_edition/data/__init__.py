"""Stage 1 (load): the data files, each read, checked against its schema and the others, and
turned into immutable models. Knows nothing of the text or of any engine."""
