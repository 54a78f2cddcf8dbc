"""Make untrusted text safe to show in a terminal (no Rich or Textual import).

Control characters could drive the terminal (an ESC starts an escape
sequence) or reorder what the reader sees (bidi overrides). Each becomes a
visible stand-in: C0 controls their Unicode "control picture" (␛, ␇ …).
"""

from __future__ import annotations

import re

#: Unicode's Bidi_Control characters: each can reorder the text around it.
BIDI_CONTROLS = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # as a regex class body
_CONTROL = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u2028\u2029{BIDI_CONTROLS}]")
#: What a JSON string may hold that a terminal would still act on (JSON escapes the C0 controls itself).
_JSON_UNSAFE = re.compile(rf"[\x7f\x80-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidi overrides: a replacement mark


def neutralise(value: str) -> str:
    """`value` with every control character replaced by a visible stand-in."""
    return _CONTROL.sub(_picture, value.replace("\t", " "))


def json_safe(encoded: str) -> str:
    """JSON text with DEL, C1 controls, line separators and bidi controls written as \\uXXXX escapes.

    Only inside strings can such characters occur in JSON, where an escape means the
    same character: the data loads back unchanged, yet shows inert in a terminal.
    """
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)
