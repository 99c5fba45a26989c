"""The SOP library (Pustaka SOP) and the import dialog with its review of the source pages."""
