"""`peerready assess --room`: everyone votes from their own phone, on the laptop's own web server.

Imported only when a meeting opens a room (peerready.room.run), so the other commands and
`--help` never load the web server.
"""
