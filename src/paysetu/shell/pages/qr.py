"""QR codes for the pages: a text (an https URL of this server) as inline SVG or PNG, and a
photo of one read back.

Generated with ``segno`` (pure Python, maintained, no image library needed); read with
``zxing-cpp`` (the decoder of ZXing, C++ with Python bindings) after ``Pillow`` opened the
upload. Error correction ``M`` (15 %): a printed code survives a crease or a smudge.
"""

from __future__ import annotations

import io

import segno
import zxingcpp
from markupsafe import Markup
from PIL import Image, UnidentifiedImageError

SVG_SCALE = 5
PNG_SCALE = 10
QUIET_ZONE = 4
"""Modules of white border around the code (the standard's minimum)."""
PHOTO_PIXELS_MAX = 40_000_000
"""A photo larger than this is refused before decoding (a decompression bomb)."""


def qr_svg(text: str, *, label: str) -> Markup:
    """The code as an inline ``<svg>`` with an accessible name (``label``)."""
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(scale=SVG_SCALE, border=QUIET_ZONE, title=label)
    # segno writes only paths and escapes the title: the SVG holds no text of the caller's raw
    return Markup(svg.replace("<svg ", '<svg role="img" data-testid="qr-code" ', 1))  # noqa: S704


def qr_png(text: str) -> bytes:
    """The code as a PNG (printable: 10 pixels a module)."""
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="png", scale=PNG_SCALE,
                                                  border=QUIET_ZONE)
    return out.getvalue()


def read_qr(image_bytes: bytes) -> str | None:
    """The text of the first QR code in a photo or screenshot (PNG, JPEG, ...); None when
    the bytes are not an image or hold no readable code."""
    try:
        with Image.open(io.BytesIO(image_bytes)) as image:
            if image.width * image.height > PHOTO_PIXELS_MAX:
                return None
            found = zxingcpp.read_barcodes(image.convert("L"),
                                           formats=zxingcpp.barcode_formats_from_str("QRCode"))
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    return found[0].text if found else None
