"""HTML for generated pages. Jinja2 with autoescape: every value from data is shown as text."""
