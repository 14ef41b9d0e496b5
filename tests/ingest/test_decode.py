import datetime as dt

import pytest

from kroniek.errors import InputError
from kroniek.ingest import decode_bytes, parse_published


def test_utf8_with_bom_and_crlf():
    decoded = decode_bytes("\ufeffDe minister zei:\r\n„Nee.”".encode())
    assert decoded.text == "De minister zei:\n„Nee.”"
    assert decoded.encoding == "utf-8"


def test_cp1252_is_read_and_said():
    decoded = decode_bytes("De minister van Buitenlandse Zaken sprak over het café en €5.".encode("cp1252"), "f.txt")
    assert "café" in decoded.text and "€" in decoded.text
    assert decoded.encoding == "cp1252"
    assert any("cp1252" in n for n in decoded.notes)


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_input(data):
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.code == "E001"


def test_binary_input():
    with pytest.raises(InputError) as err:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert err.value.code == "E002"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-19", "2025-03-19"),
        ("19-03-2025", "2025-03-19"),
        ("2025-03-19T08:30:00+01:00", "2025-03-19T08:30:00+01:00"),
    ],
)
def test_published_formats(raw, expected):
    iso, day = parse_published(raw)
    assert iso == expected and day == dt.date(2025, 3, 19)


@pytest.mark.parametrize("raw", ["gisteren", "2025-13-45", "19 maart"])
def test_unreadable_published(raw):
    with pytest.raises(InputError) as err:
        parse_published(raw)
    assert err.value.code == "E006" and raw in err.value.message


def test_unknown_published_stays_none():
    assert parse_published(None) == (None, None)
