"""peerready: how ready is an organisation to employ peer support workers?"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("peerready")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"
