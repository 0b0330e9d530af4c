"""Where the room listens: the address the laptop has on its network (read from the interfaces,
so finding it sends nothing), one interface only, and a free port."""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
from collections.abc import Mapping, Sequence
from typing import Protocol

from peerready.errors import InputError, UsageError
from peerready.room.options import RoomOptions

EVERYWHERE = {"0.0.0.0", "::", ""}


class InterfaceAddress(Protocol):
    """One address of an interface, as psutil lists them."""

    @property
    def family(self) -> int: ...

    @property
    def address(self) -> str: ...


def lan_address() -> str:
    """The laptop's IPv4 address on its local network, read from its interfaces."""
    import psutil

    up = {name: stats.isup for name, stats in psutil.net_if_stats().items()}
    return pick_address(psutil.net_if_addrs(), up)


def pick_address(interfaces: Mapping[str, Sequence[InterfaceAddress]], up: Mapping[str, bool]) -> str:
    """A private address on an interface that is up, before any other address that is not
    loopback or link-local."""
    found: list[ipaddress.IPv4Address] = []
    for name, addresses in interfaces.items():
        if not up.get(name, False):
            continue
        for entry in addresses:
            if entry.family != socket.AF_INET:
                continue
            address = ipaddress.IPv4Address(entry.address)
            if not (address.is_loopback or address.is_link_local or address.is_unspecified):
                found.append(address)
    if not found:
        raise InputError(
            "no network address found for the room (is the laptop on the Wi-Fi?); "
            "give one with --host, e.g. --host 192.168.1.23"
        )
    found.sort(key=lambda address: not address.is_private)  # stable: the interfaces' order otherwise
    return str(found[0])


def resolve_host(options: RoomOptions) -> RoomOptions:
    """The options with the address to bind to: the one given (checked), else the LAN address."""
    host = options.host if options.host is not None else lan_address()
    return dataclasses.replace(options, host=check_host(host, everywhere=options.all_interfaces))


def check_host(host: str, *, everywhere: bool) -> str:
    """The address to bind to; every interface at once only when asked for by name."""
    host = host.strip().strip("[]")
    if host in EVERYWHERE and not everywhere:
        raise UsageError(
            f"--host {host or '(empty)'} would open the room on every network this laptop is on; "
            "give the one address the phones use, or add --all-interfaces if you mean it"
        )
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise UsageError(f"--host {host!r}: expected an IP address such as 192.168.1.23") from None
    return host


def bind(host: str, port: int | None) -> socket.socket:
    """A listening socket on `host`: on `port`, or on a free one when `port` is None or 0."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Inherited by every connection: a response's headers and body go out at once, instead of
    # the body waiting for the phone's delayed acknowledgement (40 ms on Linux).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port or 0))
    except OSError as exc:
        sock.close()
        where = f"{host}:{port}" if port else host
        raise InputError(f"cannot open the room at {where}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
