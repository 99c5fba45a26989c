"""Operations: the self-test, demo data and the report dispatcher (window and CLI)."""
