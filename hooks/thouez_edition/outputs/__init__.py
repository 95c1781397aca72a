"""Stage 4 (write): what the build writes besides the pages: the search records, the EPUB and the
TEI of the paper, and the PDF."""
