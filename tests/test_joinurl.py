"""The join address phones use, the loopback warning and the QR code."""

import base64

from livinglab import joinurl, settings


def test_join_url_uses_the_configured_public_url(monkeypatch):
    monkeypatch.setattr(settings, "PUBLIC_URL", "https://workshop.houten.nl")
    assert joinurl.join_url("ABCDEFG") == "https://workshop.houten.nl/j/ABCDEFG"


def test_without_public_url_the_lan_address_and_port_are_used(monkeypatch):
    monkeypatch.setattr(settings, "PUBLIC_URL", "")
    monkeypatch.setattr(settings, "PORT", 3999)
    monkeypatch.setattr(joinurl, "lan_address", lambda: "192.168.1.20")
    assert joinurl.join_url("ABCDEFG") == "http://192.168.1.20:3999/j/ABCDEFG"


def test_loopback_urls_are_recognised():
    for url in ("http://localhost:3000/j/X", "http://127.0.0.1:3000", "http://[::1]:3000"):
        assert joinurl.is_loopback(url), url
    for url in ("http://192.168.1.20:3000", "https://workshop.houten.nl"):
        assert not joinurl.is_loopback(url), url


def test_qr_code_is_an_svg_image():
    uri = joinurl.qr_svg_data_uri("http://192.168.1.20:3000/j/ABCDEFG")
    prefix = "data:image/svg+xml;base64,"
    assert uri.startswith(prefix)
    svg = base64.b64decode(uri[len(prefix) :]).decode()
    assert svg.startswith("<svg") or svg.startswith("<?xml")
    assert "<path" in svg
