"""The command line: the typer app, the only module that imports typer."""
