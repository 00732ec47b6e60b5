"""The address phones use to join, and its QR code."""

import base64
import ipaddress
import socket
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg

from livinglab import settings
from livinglab.web import routes


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), or 127.0.0.1."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def public_url() -> str:
    """LIVINGLAB_PUBLIC_URL, or http://<LAN address>:<port> when it is not set."""
    return settings.PUBLIC_URL or f"http://{lan_address()}:{settings.PORT}"


def join_url(code: str) -> str:
    """What the QR code encodes: <public URL>/j/<CODE>."""
    return public_url() + routes.phone(code)


def is_loopback(url: str) -> bool:
    """True when phones cannot reach `url` because it points at this machine only."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def qr_svg_data_uri(text: str) -> str:
    """`text` as a QR code, an SVG data URI (crisp at any projector size)."""
    image = qrcode.make(
        text,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        box_size=10,
        border=2,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()
