"""A software authenticator for tests: real WebAuthn answers ("none" attestation, an EC P-256
key), built byte by byte as a security key or phone would, so py_webauthn checks them for
real. Only for tests; the browser tests use Chromium's virtual authenticator instead."""

import hashlib
import json
import secrets
import struct

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url

#: Flags of authenticatorData: user present, user verified, attested credential data.
UP, UV, AT = 0x01, 0x04, 0x40


def _client_data(kind: str, challenge: str, origin: str) -> bytes:
    return json.dumps(
        {"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False}
    ).encode()


class Authenticator:
    """One device holding passkeys: credential id -> (private key, rp id, user handle, count)."""

    def __init__(self) -> None:
        self.keys: dict[bytes, tuple[ec.EllipticCurvePrivateKey, str, bytes]] = {}
        self.counts: dict[bytes, int] = {}

    def create(self, options: dict, *, origin: str, challenge: str | None = None) -> dict:
        """The answer to navigator.credentials.create(options) at `origin` (a test may
        answer another `challenge` than the one asked)."""
        rp_id = options["rp"]["id"]
        key = ec.generate_private_key(ec.SECP256R1())
        numbers = key.public_key().public_numbers()
        cose = cbor2.dumps(
            {
                1: 2,  # EC2
                3: -7,  # ES256
                -1: 1,  # P-256
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )
        credential_id = secrets.token_bytes(16)
        self.keys[credential_id] = (key, rp_id, base64url_to_bytes(options["user"]["id"]))
        self.counts[credential_id] = 0
        auth_data = (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([UP | UV | AT])
            + struct.pack(">I", 0)
            + bytes(16)  # AAGUID
            + struct.pack(">H", len(credential_id))
            + credential_id
            + cose
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        client_data = _client_data("webauthn.create", challenge or options["challenge"], origin)
        encoded_id = bytes_to_base64url(credential_id)
        return {
            "id": encoded_id,
            "rawId": encoded_id,
            "type": "public-key",
            "response": {
                "clientDataJSON": bytes_to_base64url(client_data),
                "attestationObject": bytes_to_base64url(attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }

    def get(
        self,
        options: dict,
        *,
        origin: str,
        credential_id: bytes | None = None,
        challenge: str | None = None,
    ) -> dict:
        """The answer to navigator.credentials.get(options) at `origin`: the first (or the
        given) passkey for the options' RP ID."""
        rp_id = options["rpId"]
        if credential_id is None:
            credential_id = next(cid for cid, (_, rp, _) in self.keys.items() if rp == rp_id)
        key, _, user_handle = self.keys[credential_id]
        self.counts[credential_id] += 1
        auth_data = (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([UP | UV])
            + struct.pack(">I", self.counts[credential_id])
        )
        client_data = _client_data("webauthn.get", challenge or options["challenge"], origin)
        signature = key.sign(
            auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        encoded_id = bytes_to_base64url(credential_id)
        return {
            "id": encoded_id,
            "rawId": encoded_id,
            "type": "public-key",
            "response": {
                "clientDataJSON": bytes_to_base64url(client_data),
                "authenticatorData": bytes_to_base64url(auth_data),
                "signature": bytes_to_base64url(signature),
                "userHandle": bytes_to_base64url(user_handle),
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }
