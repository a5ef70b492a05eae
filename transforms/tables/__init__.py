"""Table parsers: one module per report table, shared grid helpers in grid.py."""
