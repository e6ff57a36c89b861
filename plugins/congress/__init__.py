"""Domain core of the people's congress website: models, catalog, checks. Never imports MkDocs."""
