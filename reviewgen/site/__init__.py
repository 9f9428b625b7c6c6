"""Site features as pure functions over rendered HTML; the MkDocs plugin only calls them."""
