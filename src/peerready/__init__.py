"""peerready: how ready is an organisation to employ peer support workers?"""

# Read by pyproject.toml at build time; a literal here keeps importlib.metadata (~90 ms)
# off the start-up path of every command.
__version__ = "0.3.0"
