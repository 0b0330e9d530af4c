"""One module per command: typed functions that return an exit code. `cli.py` adapts them to typer."""
