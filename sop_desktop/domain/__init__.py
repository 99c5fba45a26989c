"""Pure domain: the SOP model, waktu, the working-day calendar, validation, dates."""
