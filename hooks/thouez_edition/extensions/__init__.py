"""The Python-Markdown extensions that run while every page converts; each gets what it needs
when it is made, and knows which page of the text it converts from the passages in it."""
