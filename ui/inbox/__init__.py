"""The inbox (Kotak masuk): the page, its Qt model over the core's inbox engine, columns, tools."""
