"""Letters: templates (resources/letters/*.txt), PDF rendering, numbering and the outgoing register."""
