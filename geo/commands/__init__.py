"""The commands: `python -m geo ...` and the multi-process server."""
