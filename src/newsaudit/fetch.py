"""Fetching a URL with httpx: timeout, size cap, redirect limit and an SSRF guard.

Every hop of a redirect chain is checked: the scheme must be http(s) and every address the
host resolves to must be public, unless ``Options.allow_private`` is set. (A host that
resolves differently between the check and the connection is not caught; run behind an
egress proxy if that matters to you.)
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from newsaudit import errors
from newsaudit.ingest import RawInput, from_bytes_input, too_large
from newsaudit.options import Options

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
REDIRECT_CODES = (301, 302, 303, 307, 308)


def fetch(url: str, options: Options, *, client: httpx.Client | None = None) -> RawInput:
    """Fetch ``url`` and return its decoded content; raise ``FetchError`` with a coded reason."""
    own = client is None
    http = client or httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"},
        follow_redirects=False,
    )
    try:
        current = url
        for _hop in range(options.max_redirects + 1):
            check_url(current, options)
            body, response = _get(http, current, options)
            if response.status_code in REDIRECT_CODES and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            if response.status_code >= 400:
                raise errors.FetchError(
                    f"{current} answered HTTP {response.status_code} {response.reason_phrase}".strip(),
                    code=errors.HTTP_STATUS,
                )
            content_type = response.headers.get("content-type", "").lower()
            mime = content_type.split(";")[0].strip()
            if mime and not mime.startswith(ACCEPTED_TYPES):
                raise errors.FetchError(f"{current} is {mime}, not an HTML or text page", code=errors.NOT_HTML)
            charset = response.charset_encoding if "charset" in content_type else None
            return from_bytes_input(body, options, url=current, content_type=mime or None, declared_charset=charset)
        raise errors.FetchError(
            f"{url} redirected more than {options.max_redirects} times", code=errors.TOO_MANY_REDIRECTS
        )
    finally:
        if own:
            http.close()


def _get(http: httpx.Client, url: str, options: Options) -> tuple[bytes, httpx.Response]:
    try:
        with http.stream("GET", url) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > options.max_bytes:
                raise too_large(int(declared), options)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():  # decoded: the cap also stops compression bombs
                size += len(chunk)
                if size > options.max_bytes:
                    raise too_large(size, options)
                chunks.append(chunk)
            return b"".join(chunks), response
    except httpx.TimeoutException:
        raise errors.FetchError(f"{url} timed out after {options.timeout:g} s", code=errors.UNREACHABLE) from None
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise errors.FetchError(f"cannot reach {url}: {reason}", code=errors.UNREACHABLE) from None


def check_url(url: str, options: Options) -> None:
    """Refuse non-http(s) schemes and hosts on private, loopback or link-local addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise errors.FetchError(f"malformed URL {url!r}: {exc}", code=errors.BAD_URL) from None
    if parts.scheme not in ("http", "https"):
        raise errors.FetchError(
            f"refusing {parts.scheme}:// URL; only http and https are fetched", code=errors.SCHEME_REFUSED
        )
    host = parts.hostname
    if not host:
        raise errors.FetchError(f"URL has no host: {url!r}", code=errors.BAD_URL)
    if options.allow_private:
        return
    for address in resolve(host, port or (443 if parts.scheme == "https" else 80)):
        if not is_public(address):
            raise errors.FetchError(
                f"refusing {host}: it resolves to non-public address {address} (use --allow-private to permit)",
                code=errors.PRIVATE_ADDRESS,
            )


def resolve(host: str, port: int) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise errors.FetchError(f"cannot resolve host {host}: {exc}", code=errors.UNREACHABLE) from None
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", maxsplit=1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    blocked = ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
    blocked = blocked or ip.is_unspecified
    if isinstance(ip, ipaddress.IPv6Address):
        blocked = blocked or ip.is_site_local
    return not blocked
