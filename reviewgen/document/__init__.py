"""The document model and what every stage shares: ids, the source's configuration, errors, counts, the allowlist."""
