"""Stage 1 (load) and 2 (derive): the paper's Markdown read into passages, checked, and set
against the data: who is mentioned where, the page map of the 2004 print."""
