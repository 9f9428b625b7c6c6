"""Writing the document model as Markdown pages in ``content/``, and reading those pages back."""
