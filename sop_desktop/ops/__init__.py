"""Operations: the self-test and demo data."""
