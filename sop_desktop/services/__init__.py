"""Services: cases, inboxes, SOPs, users, positions, attachments, numbering, office."""
