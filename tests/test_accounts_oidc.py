"""Single sign-on against a real OpenID Connect provider started by the `oidc_provider` fixture."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
from urllib.parse import parse_qs, urlencode, urlsplit

from data_access.accounts.audit import fetch_audit
from data_access.accounts.clock import utc_now
from data_access.accounts.grants import add_grant
from data_access.accounts.oidc import account_for_identity, identity_from_claims, signed_in_user
from data_access.accounts.roles import Grant
from data_access.accounts.users import create_user
from tests.accounts_helpers import OPERATOR, add_register

CLIENT_ID = "bdhvs-dashboard"
REDIRECT_URI = "http://127.0.0.1:8501/oauth2callback"  # Streamlit's callback path
# DER prefix of a SHA-256 DigestInfo (RFC 8017, 9.2): what an RS256 signature wraps.
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _http(url: str, method: str = "GET", form: dict | None = None):
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    body = urlencode(form).encode() if form else None
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if form else {}
    try:
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.headers, answer.read()
    finally:
        connection.close()


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _rs256_valid(token: str, jwks: dict) -> bool:
    """Verify an RS256 JWT with the provider's public key (PKCS#1 v1.5, no library needed)."""
    header_part, payload_part, signature_part = token.split(".")
    header = json.loads(_b64(header_part))
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    n, e = (int.from_bytes(_b64(key[name]), "big") for name in ("n", "e"))
    size = (n.bit_length() + 7) // 8
    signed = pow(int.from_bytes(_b64(signature_part), "big"), e, n).to_bytes(size, "big")
    digest = hashlib.sha256(f"{header_part}.{payload_part}".encode()).digest()
    padding = b"\xff" * (size - len(SHA256_DIGEST_INFO) - len(digest) - 3)
    return (
        header["alg"] == "RS256"
        and signed == b"\x00\x01" + padding + b"\x00" + SHA256_DIGEST_INFO + digest
    )


def _id_token(provider, discovery) -> str:
    """Sign in at the provider the way st.login does (authorization code), return the ID token."""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "scope": "openid email profile",
            "state": "state-1",
            "nonce": "nonce-1",
        }
    )
    status, headers, _ = _http(f"{discovery['authorization_endpoint']}?{query}")
    assert status == 302
    callback = urlsplit(headers["location"])
    assert f"{callback.scheme}://{callback.netloc}{callback.path}" == REDIRECT_URI
    params = parse_qs(callback.query)
    assert params["state"] == ["state-1"]
    status, _, body = _http(
        discovery["token_endpoint"],
        "POST",
        {
            "grant_type": "authorization_code",
            "code": params["code"][0],
            "redirect_uri": REDIRECT_URI,
            "client_id": CLIENT_ID,
            "client_secret": "not-checked-by-the-mock",
        },
    )
    assert status == 200, body
    tokens = json.loads(body)
    assert tokens["token_type"].lower() == "bearer" and tokens["access_token"]
    return tokens["id_token"]


def test_the_provider_serves_discovery_and_signed_tokens(oidc_provider):
    status, _, body = _http(oidc_provider.discovery_url)
    assert status == 200
    discovery = json.loads(body)
    assert discovery["issuer"] == oidc_provider.issuer
    assert oidc_provider.issuer.startswith("http://127.0.0.1:")
    for endpoint in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        assert discovery[endpoint].startswith(oidc_provider.issuer)
    token = _id_token(oidc_provider, discovery)
    jwks = json.loads(_http(discovery["jwks_uri"])[2])
    assert _rs256_valid(token, jwks)
    tampered = (
        token.rsplit(".", 1)[0] + "." + base64.urlsafe_b64encode(b"x" * 256).decode().rstrip("=")
    )
    assert not _rs256_valid(tampered, jwks)
    claims = json.loads(_b64(token.split(".")[1]))
    assert claims["iss"] == oidc_provider.issuer and claims["aud"] == CLIENT_ID
    assert claims["sub"] == oidc_provider.claims["sub"] and claims["nonce"] == "nonce-1"


def test_a_provider_identity_signs_in_as_the_account_made_with_its_email(
    oidc_provider, empty_engine
):
    add_register(empty_engine)
    user_id = create_user(
        empty_engine,
        login="truong.ca",
        display_name="Trưởng Công an tỉnh",
        email=oidc_provider.claims["email"],
        actor=OPERATOR,
    )
    add_grant(
        empty_engine, "truong.ca", Grant("department_head", "99", agency_code="CA"), actor=OPERATOR
    )
    discovery = json.loads(_http(oidc_provider.discovery_url)[2])
    claims = json.loads(_b64(_id_token(oidc_provider, discovery).split(".")[1]))
    identity = identity_from_claims(claims)
    assert identity.issuer == oidc_provider.issuer and identity.email_verified
    assert (
        account_for_identity(empty_engine, identity, now=utc_now(), address="127.0.0.1") == user_id
    )
    assert account_for_identity(empty_engine, identity, now=utc_now()) == user_id
    signed_in = signed_in_user(empty_engine, user_id)
    assert signed_in.limits.agency_codes == {"CA"} and signed_in.limits.may("read")
    linked = fetch_audit(empty_engine, action="oidc_linked").iloc[0]
    assert linked["details"] == {
        "issuer": oidc_provider.issuer,
        "subject": oidc_provider.claims["sub"],
    }
    # The same provider's identity for someone nobody made an account for gets nothing.
    stranger = identity_from_claims({**claims, "sub": "someone-else", "email": "x@example.vn"})
    assert account_for_identity(empty_engine, stranger, now=utc_now()) is None


def test_the_provider_stops_by_itself_when_its_test_process_dies(oidc_provider):
    import subprocess
    import sys
    import time

    from data_access.settings import PROJECT_ROOT

    script = (
        "import time\n"
        "from tests.oidc_provider import oidc_provider\n"
        "with oidc_provider({}) as provider:\n"
        "    print(provider.issuer, flush=True)\n"
        "    time.sleep(120)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        issuer = parent.stdout.readline().strip()
        assert _http(f"{issuer}/.well-known/openid-configuration")[0] == 200
    finally:
        parent.kill()  # no clean-up code runs in the parent: the provider must notice alone
        parent.wait()
        parent.stdout.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            _http(f"{issuer}/.well-known/openid-configuration")
        except OSError:
            return
        time.sleep(0.2)
    raise AssertionError("the provider outlived its test process")
