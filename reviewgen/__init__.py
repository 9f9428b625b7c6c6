"""reviewgen: a two-column review export -> a document model -> Markdown pages -> a website.

The stages are subpackages, each importing only those below it
(``tests/test_layers.py`` holds the contract): ``commands`` (what an editor
runs), ``site`` (the website from the pages), ``reading`` (a source -> the
model) beside ``writing`` (the model -> pages), and ``document`` (the model
and what every stage shares). ``plugin`` and ``__main__`` are the entry points.
"""
