"""The MkDocs plugin ``reviewgen``: thin hooks over the pure functions in reviewgen.site."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .site.layout import place_rebuttals

log = get_plugin_logger(__name__)


class ReviewgenConfig(base.Config):
    sources = c.Type(str, default="sources")


class ReviewgenPlugin(BasePlugin[ReviewgenConfig]):
    def on_page_content(self, html, page, config, files):
        return place_rebuttals(html)
