"""Thin MkDocs adapters over the `congress` core: each plugin asks the core and hands MkDocs pages."""
