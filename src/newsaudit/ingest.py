"""Input at the edge: turn a path, bytes or a string into decoded content and its kind.

Nothing here analyses the article; it only decides what the input is (HTML or text),
decodes it to ``str`` and refuses what cannot be audited, with a coded one-line error.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from newsaudit import errors
from newsaudit.options import MB, Options

URL_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$")

# Magic numbers of formats that are certainly not an article (checked before decoding).
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)
GZIP_MAGIC = b"\x1f\x8b"

# Share of control characters (other than tab, newline, CR, form feed) above which decoded
# content is treated as binary. Real text has none; mis-decoded binary has several percent.
MAX_CONTROL_SHARE = 0.01

HTML_START_RE = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
TAG_RE = re.compile(
    r"</?(p|div|span|a|br|li|ul|table|td|tr|h[1-6]|img|section|article|header|footer|nav|script|style)\b[^>]*>", re.I
)
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
XML_ENCODING_RE = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class RawInput:
    """Decoded content and what is known about where it came from."""

    content: str
    kind: str  # "html" or "text"
    sha256: str
    url: str | None = None
    encoding: str | None = None
    content_type: str | None = None
    warnings: tuple[tuple[str, str], ...] = ()


def looks_like_url(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and bool(URL_RE.match(value.strip()))


def read_path(path: str | os.PathLike[str], options: Options) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise errors.InputError(f"no such file: {p}", code=errors.NOT_FOUND) from None
    except OSError as exc:
        raise errors.InputError(f"cannot read {p}: {exc.strerror}", code=errors.UNREADABLE) from None
    if p.is_dir():
        raise errors.InputError(f"{p} is a directory, not an article file", code=errors.UNREADABLE)
    if size > options.max_bytes:
        raise too_large(size, options)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise errors.InputError(f"cannot read {p}: {exc.strerror}", code=errors.UNREADABLE) from None


def too_large(size: int, options: Options) -> errors.InputError:
    return errors.InputError(
        f"input is {size / MB:.1f} MB, over the {options.max_bytes / MB:.0f} MB limit "
        "(raise it with --max-mb if this really is one article)",
        code=errors.TOO_LARGE,
    )


def _maybe_gunzip(data: bytes, options: Options) -> bytes:
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        out = gzip.GzipFile(fileobj=io.BytesIO(data)).read(options.max_bytes + 1)
    except (OSError, EOFError, zlib.error):
        raise errors.InputError("input is a damaged gzip file", code=errors.BINARY) from None
    if len(out) > options.max_bytes:
        raise too_large(len(out), options)
    return out


def from_bytes_input(
    data: bytes,
    options: Options,
    *,
    url: str | None = None,
    content_type: str | None = None,
    declared_charset: str | None = None,
) -> RawInput:
    """Decode raw bytes (a file, stdin, an HTTP body) and detect whether they are HTML or text."""
    if len(data) > options.max_bytes:
        raise too_large(len(data), options)
    sha = hashlib.sha256(data).hexdigest()
    data = _maybe_gunzip(data, options)
    if not data.strip():
        raise errors.InputError("input is empty: there is no article to audit", code=errors.EMPTY)
    for magic, what in BINARY_MAGIC:
        if data.startswith(magic):
            raise errors.InputError(f"input is {what}, not HTML or text", code=errors.BINARY)
    is_html = _bytes_look_like_html(data, content_type)
    text, encoding, warns = _decode(data, is_html=is_html, declared=declared_charset)
    _refuse_binary_text(text)
    kind = options.input_kind or ("html" if is_html or _text_looks_like_html(text) else "text")
    return RawInput(
        content=text,
        kind=kind,
        sha256=sha,
        url=url,
        encoding=encoding,
        content_type=content_type,
        warnings=warns,
    )


def from_str_input(text: str, options: Options, *, url: str | None = None) -> RawInput:
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > options.max_bytes:
        raise too_large(len(data), options)
    if not text.strip():
        raise errors.InputError("input is empty: there is no article to audit", code=errors.EMPTY)
    _refuse_binary_text(text)
    kind = options.input_kind or ("html" if _text_looks_like_html(text) else "text")
    return RawInput(
        content=text.lstrip("\ufeff"),
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        url=url,
        encoding=None,
    )


def _bytes_look_like_html(data: bytes, content_type: str | None) -> bool:
    if content_type and ("html" in content_type or "xml" in content_type):
        return True
    head = data[:4096].lstrip(codecs.BOM_UTF8)
    return bool(HTML_START_RE.match(head))


def _text_looks_like_html(text: str) -> bool:
    """Content-based: a document start, or markup dense enough that it cannot be prose."""
    head = text[:4096].lstrip("\ufeff")
    if HTML_START_RE.match(head.encode("utf-8", "ignore")):
        return True
    sample = text[:20000]
    tags = len(TAG_RE.findall(sample))
    # Calibrated on plain-text articles that quote HTML now and then (< 1 tag / 2,000 chars)
    # versus HTML fragments (> 1 tag / 200 chars).
    return tags >= 3 and tags * 300 >= len(sample)


def _decode(data: bytes, *, is_html: bool, declared: str | None) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    warns: list[tuple[str, str]] = []
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc, ()
    if is_html and declared is None:
        m = XML_ENCODING_RE.search(data[:200]) or META_CHARSET_RE.search(data[:8192])
        declared = m.group(1).decode("ascii", "ignore").lower() if m else None
    declared_codec = _codec_name(declared)
    # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever a page declares: other encodings
    # practically never form valid multi-byte UTF-8 sequences.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if declared_codec and declared_codec not in ("utf-8", "ascii") and not data.isascii():
            warns.append(("charset_mismatch", f"declared charset {declared} but content is UTF-8; decoded as UTF-8"))
        return text, "utf-8", tuple(warns)
    if declared_codec and declared_codec not in ("utf-8", "ascii"):
        try:
            return data.decode(declared_codec), declared_codec, ()
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[: 2 * MB]).best()
    enc = best.encoding if best is not None else "cp1252"
    if declared:
        warns.append(("charset_mismatch", f"declared charset {declared} does not fit the content; decoded as {enc}"))
    else:
        warns.append(("charset_guessed", f"no usable charset declared; decoded as {enc}"))
    return data.decode(enc, errors="replace"), enc, tuple(warns)


def _codec_name(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r


def _refuse_binary_text(text: str) -> None:
    sample = text[:65536]
    controls = len(CONTROL_CHARS.findall(sample))
    if "\x00" in sample or controls > MAX_CONTROL_SHARE * len(sample):
        raise errors.InputError("input looks binary (control bytes), not HTML or text", code=errors.BINARY)
