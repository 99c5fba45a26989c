"""Errors the core raises for bad input; each carries a message fit to show a user."""


class SopError(Exception):
    """Base of every expected, user-facing error of the core (message in Indonesian)."""


class ImportFailed(SopError):
    """An input file is not an SOP table (or cannot be read)."""


class ValidationError(SopError):
    """An SOP definition (or another input) breaks a rule."""


class PermissionDenied(SopError):
    """The acting user may not do this."""


class NotFound(SopError):
    """A named thing (SOP, case, user, position) does not exist."""
