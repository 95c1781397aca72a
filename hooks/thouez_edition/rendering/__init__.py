"""Stage 3 (render): the pages and page sections the edition makes from its data and text, as
Markdown and HTML written by Jinja2 templates (in `templates/`)."""
