"""`peerready assess`: the interactive meeting, its pure steps and the one questionary module."""
