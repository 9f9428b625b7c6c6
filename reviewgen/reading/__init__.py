"""Reading a source (a text export or a Word document) into the document model."""
