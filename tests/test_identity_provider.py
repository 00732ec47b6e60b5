"""The suite's OpenID Connect provider (tests/oidc/provider.mjs) speaks the protocol that
livinglab's single sign-on will speak (issue 22): discovery, the authorization code flow
with PKCE, `state` and `nonce`, an ID token signed with a key from its JWKS. Checked here
with the kept libraries the app will use (Authlib for the flow, joserfc for the token), so
that the sign-in tests stand on a provider known to work, and forged tokens are refused."""

import base64
import json
import re
import time

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidClaimError,
    InvalidKeyIdError,
    UnsupportedAlgorithmError,
)
from joserfc.jwk import KeySet, RSAKey

from tests.services import oidc_provider

REDIRECT = "http://127.0.0.1:9/auth/callback"


@pytest.fixture(scope="module")
def provider():
    with oidc_provider((REDIRECT,)) as running:
        yield running


def _discovery(provider) -> dict:
    return httpx.get(f"{provider.issuer}/.well-known/openid-configuration").json()


def sign_in(provider, person: str) -> tuple[dict, str]:
    """The whole authorization code flow for `person`, their login typed into the provider's
    own form; returns the token response and the nonce sent."""
    found = _discovery(provider)
    client = OAuth2Client(
        provider.client_id,
        provider.client_secret,
        scope="openid profile email groups",
        redirect_uri=REDIRECT,
        code_challenge_method="S256",
    )
    verifier, nonce = generate_token(48), generate_token(20)
    url, state = client.create_authorization_url(
        found["authorization_endpoint"], code_verifier=verifier, nonce=nonce
    )
    with httpx.Client(base_url=provider.issuer) as browser:
        answer = browser.get(url)
        for _ in range(10):
            location = answer.headers.get("location", "")
            if location.startswith(REDIRECT):
                break
            if answer.status_code == 200:  # the provider's form: log in, then consent
                prompt = re.search(r'name="prompt" value="(\w+)"', answer.text).group(1)
                answer = browser.post(
                    str(answer.url), data={"prompt": prompt, "login": person, "password": "x"}
                )
            else:
                answer = browser.get(location)
        else:
            raise AssertionError(f"no redirect back: {answer.status_code} {answer.text[:300]}")
    assert f"state={state}" in location
    token = client.fetch_token(
        found["token_endpoint"], authorization_response=location, code_verifier=verifier
    )
    return token, nonce


def _claims(provider, id_token: str, *, nonce: str, audience: str | None = None):
    keys = KeySet.import_key_set(httpx.get(_discovery(provider)["jwks_uri"]).json())
    token = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256", "EdDSA"])
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": provider.issuer},
        aud={"essential": True, "value": audience or provider.client_id},
        nonce={"essential": True, "value": nonce},
        exp={"essential": True},
    ).validate(token.claims)
    return token.claims


def test_a_person_signs_in_with_pkce_and_the_id_token_names_them_and_their_groups(provider):
    found = _discovery(provider)
    assert found["issuer"] == provider.issuer
    assert "S256" in found["code_challenge_methods_supported"]
    token, nonce = sign_in(provider, "fatima")
    claims = _claims(provider, token["id_token"], nonce=nonce)
    assert (claims["sub"], claims["groups"]) == ("fatima", ["facilitators"])
    other, other_nonce = sign_in(provider, "noor")
    assert _claims(provider, other["id_token"], nonce=other_nonce)["groups"] == []


def _header(id_token: str) -> dict:
    encoded = id_token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


def _unsigned(id_token: str) -> str:
    _header, payload, _signature = id_token.split(".")
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none"}).encode()).rstrip(b"=")
    return f"{header.decode()}.{payload}."


def _signed_by_another_key(claims: dict) -> str:
    stranger = RSAKey.generate_key(2048, parameters={"kid": "stranger"})
    return jwt.encode({"alg": "RS256", "kid": "stranger"}, claims, stranger)


def test_forged_or_wrong_id_tokens_are_refused(provider):
    token, nonce = sign_in(provider, "ruud")
    id_token = token["id_token"]
    claims = _claims(provider, id_token, nonce=nonce)
    with pytest.raises(InvalidKeyIdError):  # no key for it: a stranger's signature
        _claims(provider, _signed_by_another_key(claims), nonce=nonce)
    with pytest.raises(BadSignatureError):  # the provider's kid, another key
        _claims(
            provider,
            jwt.encode(
                {"alg": "RS256", "kid": _header(id_token)["kid"]},
                claims,
                RSAKey.generate_key(2048),
            ),
            nonce=nonce,
        )
    with pytest.raises(UnsupportedAlgorithmError):  # alg: none
        _claims(provider, _unsigned(id_token), nonce=nonce)
    with pytest.raises(InvalidClaimError):  # issued for another client
        _claims(provider, id_token, nonce=nonce, audience="another-app")
    with pytest.raises(InvalidClaimError):  # a nonce from another sign-in: replayed
        _claims(provider, id_token, nonce=generate_token(20))
    keys = KeySet.import_key_set(httpx.get(_discovery(provider)["jwks_uri"]).json())
    decoded = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256", "EdDSA"])
    with pytest.raises(ExpiredTokenError):
        jwt.JWTClaimsRegistry(now=int(time.time()) + 10 * 3600, exp={"essential": True}).validate(
            decoded.claims
        )
