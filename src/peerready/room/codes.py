"""The room's secrets: the join code people type or scan, each phone's token, the projector's key.

The join code is short enough to read off a projector but has 40 bits: with guesses limited to a
few a minute (peerready.room.limits), trying codes on a LAN would take longer than a century.
Tokens and keys come from `secrets` and are never written to disk in the clear.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

# Crockford's base 32: no I, L, O or U, so nothing reads as another character.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8  # 8 × 5 bits = 40 bits
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})
CODE_SHAPE = re.compile(rf"^[{ALPHABET}]{{{CODE_LENGTH}}}$")


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(typed: str) -> str | None:
    """A typed or scanned code as the room stores it (case, dashes and look-alikes forgiven),
    or None when it cannot be a code at all."""
    code = typed.upper().replace("-", "").replace(" ", "").translate(_READ_AS)
    return code if CODE_SHAPE.match(code) else None


def shown_code(code: str) -> str:
    """The code as the projector shows it: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def codes_match(given: str, code: str) -> bool:
    return hmac.compare_digest(given.encode(), code.encode())


def new_token() -> str:
    """A phone's participant token (256 bits), kept in its cookie."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the room stores of a token: enough to recognise it, useless to someone who reads it."""
    return hashlib.sha256(token.encode()).hexdigest()
