"""Output plumbing for reports, letters and flowcharts: files, metadata, fonts, kop, tables."""
