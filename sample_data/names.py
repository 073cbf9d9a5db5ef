"""Plausible Vietnamese and Central-Highlands place names for provinces, communes and villages."""

from __future__ import annotations

import random
import unicodedata

# The demo province: search tests and the product brief's examples rely on these names.
DEMO_PROVINCE_NAME = "Đắk Sơn"
DEMO_WARDS: tuple[str, ...] = (
    "Buôn Ma Thuột", "Tân Lập", "Tân An", "Thành Nhất", "Ea Kao", "Tân Thành", "Buôn Hồ",
    "Thống Nhất", "Thắng Lợi", "Tự An", "Khánh Xuân", "Thành Công", "An Lạc", "Đạt Hiếu",
)  # fmt: skip
DEMO_COMMUNES: tuple[str, ...] = (
    "Ea Kar", "Krông Búk", "Cư M'gar", "Đắk Liêng", "Ea Súp", "Buôn Đôn", "Hòa Phú",
    "Krông Pắc", "Krông Bông", "Krông Năng", "Ea H'leo", "Ea Drăng", "Cư Kuin", "Lắk",
    "Đắk Phơi", "Đắk Nuê", "Krông Ana", "Ea Tul", "Ea Knốp", "Ea Wy", "Cư Pơng", "Ea Rốk",
    "Ea Bung", "Ia Lốp", "Ia Rvê", "Cư Yang", "Ea Ô", "Ea Păl", "Cư Prao", "Ea Trang",
    "Đắk Mil", "Đắk Song", "Dray Bhăng", "Hòa Sơn", "Hòa Xuân", "Quảng Phú", "Ea Na",
    "Ea Ning", "Dliê Ya", "M'Drắk", "Ea Riêng", "Krông Á", "Ea Kiết", "Ea Ktur", "Cuôr Đăng",
    "Hòa Đông", "Ea Tam", "Vụ Bổn", "Yang Mao", "Liên Sơn Lắk", "Nam Ka", "Dur Kmăl",
)  # fmt: skip
# Names that must stay unique nationwide so that searching for them finds one place.
RESERVED = ("Buôn Ma Thuột", "Ea Kar")

# Ede / Jrai / M'nông style first words and syllables of highland place names.
HIGHLAND_PREFIXES = ("Ea", "Krông", "Cư", "Đắk", "Ia", "Chư", "Kon", "Buôn", "Đăk", "Đắk")
HIGHLAND_SYLLABLES: tuple[str, ...] = (
    "Búk", "M'gar", "Liêng", "Súp", "Pắc", "Bông", "Năng", "H'leo", "Drăng", "Kuin", "Phơi",
    "Nuê", "Tul", "Knốp", "Wy", "Pơng", "Rốk", "Bung", "Lốp", "Rvê", "Yang", "Păl", "Prao",
    "Trang", "Mil", "Glei", "Hring", "Sar", "Kly", "Huê", "Sô", "Blang", "Dliê", "Hiao", "Tir",
    "Wer", "Bar", "Ning", "Mnông", "Pô", "Rbăm", "Ktur", "Sin", "Đrông", "Jun", "Trấp", "Tơng",
    "Ako", "Dhông", "Kmrơng", "Prông", "Siêr", "Nao", "Yông", "Rông", "Kiết", "Bhôk", "Hdinh",
    "Mơ", "Lơ", "Grăng", "Pa", "Tô", "Rơ", "Jút", "Rlấp", "Gằn", "Ngo", "Kră", "Plông",
)  # fmt: skip
# Sino-Vietnamese words that make names such as "Hòa Phú" or "Tân Lập".
VIET_FIRST: tuple[str, ...] = (
    "Hòa", "Tân", "Thành", "Quảng", "Vĩnh", "Phú", "Bình", "An", "Đức", "Xuân", "Thuận",
    "Hưng", "Phước", "Trung", "Nghĩa", "Long", "Thịnh", "Hiệp", "Cẩm", "Mỹ", "Kim", "Ngọc",
    "Sơn", "Hải", "Lộc", "Gia", "Diên", "Yên", "Vạn", "Đông",
)  # fmt: skip
VIET_SECOND: tuple[str, ...] = (
    "Phú", "Lập", "An", "Thắng", "Hiệp", "Xuân", "Thuận", "Hòa", "Lợi", "Thành", "Tiến",
    "Phong", "Bình", "Sơn", "Đông", "Lộc", "Hưng", "Khánh", "Thịnh", "Tân", "Quý", "Mỹ",
    "Vinh", "Phát", "Nhất", "Trung", "Nghĩa", "Đức", "Hà", "Kim", "Điền", "Tây", "Nam",
)  # fmt: skip


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the form every file stores."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold case and Vietnamese diacritics (đ -> d) for uniqueness checks."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _highland(rng: random.Random) -> str:
    """Return a highland name such as "Ea Tul" or "Krông Năng"."""
    return f"{rng.choice(HIGHLAND_PREFIXES)} {rng.choice(HIGHLAND_SYLLABLES)}"


def _viet(rng: random.Random) -> str:
    """Return a Sino-Vietnamese name such as "Hòa Phú"."""
    first, second = rng.choice(VIET_FIRST), rng.choice(VIET_SECOND)
    return f"{first} {second}" if first != second else f"{first} {rng.choice(VIET_SECOND)}"


def _unique(rng: random.Random, make, taken: set[str], forbidden: tuple[str, ...]) -> str:
    """Draw names from make(rng) until one is new and contains no forbidden name."""
    for _ in range(10_000):
        name = nfc(make(rng))
        folded = fold(name)
        if folded not in taken and not any(fold(f) in folded for f in forbidden):
            taken.add(folded)
            return name
    raise RuntimeError("name pool exhausted")


def province_names(count: int, rng: random.Random) -> list[str]:
    """Return count distinct province base names; the first is the demo province."""
    taken = {fold(DEMO_PROVINCE_NAME)}
    return [DEMO_PROVINCE_NAME] + [_unique(rng, _viet, taken, ()) for _ in range(count - 1)]


def commune_names(
    n_wards: int, n_communes: int, rng: random.Random, *, demo: bool, highland_share: float
) -> tuple[list[str], list[str]]:
    """Return (ward base names, commune base names), unique within the province."""
    curated_w = list(DEMO_WARDS[:n_wards]) if demo else []
    curated_c = list(DEMO_COMMUNES[:n_communes]) if demo else []
    taken = {fold(n) for n in curated_w + curated_c}

    def make_commune(r: random.Random) -> str:
        return _highland(r) if r.random() < highland_share else _viet(r)

    # Generated names never contain the reserved demo names, so those stay unique nationwide.
    wards = curated_w + [
        _unique(rng, _viet, taken, RESERVED) for _ in range(n_wards - len(curated_w))
    ]
    communes = curated_c + [
        _unique(rng, make_commune, taken, RESERVED) for _ in range(n_communes - len(curated_c))
    ]
    return [nfc(n) for n in wards], [nfc(n) for n in communes]


def _thon(rng: random.Random) -> str:
    """Return a named thôn such as "Thôn Tân Lập"."""
    return f"Thôn {_viet(rng)}"


def _buon(rng: random.Random) -> str:
    """Return a buôn name such as "Buôn Ako Dhông"."""
    return f"Buôn {rng.choice(HIGHLAND_SYLLABLES)} {rng.choice(HIGHLAND_SYLLABLES)}"


def _lang(rng: random.Random) -> str:
    """Return a làng name such as "Làng Kon Hring"."""
    return f"Làng {rng.choice(('Kon', 'Plei', 'Đăk'))} {rng.choice(HIGHLAND_SYLLABLES)}"


def village_names(kind: str, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Return (name, kind) for the villages of a commune-level unit of the given kind."""
    if kind == "phuong":
        return [(f"Tổ dân phố {i}", "to_dan_pho") for i in range(1, count + 1)]
    taken: set[str] = set()
    out: list[tuple[str, str]] = []
    numbered = rng.random() < 0.5  # half the communes number their thôn (Thôn 1, Thôn 2, ...)
    number = 0
    for _ in range(count):
        draw = rng.random()
        if draw < 0.55 and numbered:
            number += 1
            name, vkind = f"Thôn {number}", "thon"
            taken.add(fold(name))
        elif draw < 0.55:
            name, vkind = _unique(rng, _thon, taken, ()), "thon"
        elif draw < 0.85:
            name, vkind = _unique(rng, _buon, taken, RESERVED), "buon"
        else:
            name, vkind = _unique(rng, _lang, taken, RESERVED), "lang"
        out.append((nfc(name), vkind))
    return out
