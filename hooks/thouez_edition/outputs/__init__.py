"""Stage 4 (write): what the build writes besides the pages: the search records and the PDF."""
