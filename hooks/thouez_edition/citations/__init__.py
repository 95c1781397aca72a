"""Stage 2 (derive): the works cited and the paper's own record, formatted by pandoc's citeproc,
cited passage by passage, and written for reference managers."""
