"""The logic of the edition: data loading and validation, page generation, Markdown extensions.

Only `hooks/edition.py` and the Markdown extensions touch MkDocs or Python-Markdown objects;
everything else here is plain Python that takes data and returns data.
"""
