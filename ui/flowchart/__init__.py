"""The flowchart on screen: a Qt renderer of the core's one layout, and its pane."""
