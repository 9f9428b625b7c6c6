"""The editors' commands: convert, check, audit, stats, new, and the command line over them."""
