"""One case: its view, actions on the operation runner, attachments, chart, intake and disposisi."""
