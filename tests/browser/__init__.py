"""Helpers for the browser tests: build and serve a site, find sample pages, drive Debian's chromium."""
