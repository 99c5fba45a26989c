"""Small widgets several screens share: date entry, file dialogs, unsaved-changes guard, models."""
