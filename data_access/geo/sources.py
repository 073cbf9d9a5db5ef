"""Read boundary files: GeoJSON FeatureCollections or single Features, from a file or a folder.

Every problem raises BoundaryFileError with a message in Vietnamese, then English, naming the
file (and feature) at fault.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Property names real commune boundary files use for the commune code, most specific first.
CODE_PROPERTY_CANDIDATES = (
    "code",
    "ma_xa",
    "maxa",
    "ma_dvhc",
    "madvhc",
    "commune_code",
    "ma",
    "id",
)
# File name endings read from a folder.
GEOJSON_SUFFIXES = (".geojson", ".json")
# Commune codes have 5 digits; a numeric property (40001 or "4001") loses its leading zeros.
COMMUNE_CODE_DIGITS = 5


class BoundaryFileError(ValueError):
    """A boundary file cannot be imported; the message says what and where (vi / en)."""


@dataclass(frozen=True)
class SourceFeature:
    """One GeoJSON feature with where it came from."""

    file_name: str
    index: int
    feature: dict[str, Any]


def read_path(path: Path) -> list[tuple[str, bytes]]:
    """The (name, bytes) of a file, or of every GeoJSON file in a folder (sorted by name)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in GEOJSON_SUFFIXES)
        if not files:
            raise BoundaryFileError(
                f"Thư mục «{path}» không có tệp .geojson/.json nào. / "
                f"Folder «{path}» holds no .geojson/.json file."
            )
        return [(p.name, p.read_bytes()) for p in files]
    if not path.is_file():
        raise BoundaryFileError(
            f"Không tìm thấy tệp hoặc thư mục «{path}». / No file or folder «{path}»."
        )
    return [(path.name, path.read_bytes())]


def sources_sha256(sources: Sequence[tuple[str, bytes]]) -> str:
    """One hash over the names and contents of the sources, in order."""
    digest = hashlib.sha256()
    for name, content in sources:
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest() if len(sources) > 1 else hashlib.sha256(sources[0][1]).hexdigest()


def parse_features(sources: Iterable[tuple[str, bytes]]) -> list[SourceFeature]:
    """Every feature of the sources; a file that is not GeoJSON with features is an error."""
    found: list[SourceFeature] = []
    for name, content in sources:
        try:
            document = json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BoundaryFileError(
                f"Tệp «{name}» không phải JSON hợp lệ ({error}). / "
                f"File «{name}» is not valid JSON ({error})."
            ) from None
        kind = document.get("type") if isinstance(document, dict) else None
        if kind == "FeatureCollection":
            features = document.get("features") or []
        elif kind == "Feature":
            features = [document]
        else:
            features = []
        features = [f for f in features if isinstance(f, dict) and f.get("geometry")]
        if not features:
            raise BoundaryFileError(
                f"Tệp «{name}» không có đối tượng (feature) GeoJSON nào có hình. / "
                f"File «{name}» holds no GeoJSON feature with a geometry."
            )
        found += [SourceFeature(name, i, f) for i, f in enumerate(features)]
    return found


def normalize_code(value: Any) -> str | None:
    """A commune code as text: 40001, "40001" and 4001.0 → "40001"/"04001"; None when empty."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.isdigit() and len(text) < COMMUNE_CODE_DIGITS:
        text = text.zfill(COMMUNE_CODE_DIGITS)
    return text or None


def feature_code(feature: dict[str, Any], code_property: str | None) -> str | None:
    """The feature's code from `code_property` (None: the feature's `id`)."""
    if code_property is None:
        return normalize_code(feature.get("id"))
    return normalize_code((feature.get("properties") or {}).get(code_property))


def detect_code_property(
    features: Sequence[SourceFeature], known_codes: set[str], wanted: str | None = None
) -> str | None:
    """The property holding commune codes (None: the feature `id`); the one matching most codes.

    `wanted` (from --code-property) must exist in the features. Raises BoundaryFileError when
    no property holds a code.
    """
    names: dict[str, str] = {}
    for item in features:
        for name in item.feature.get("properties") or {}:
            names.setdefault(name.lower(), name)
    if wanted is not None:
        if wanted not in set(names.values()):
            raise BoundaryFileError(
                f"Không đối tượng nào có thuộc tính «{wanted}» (các thuộc tính có: "
                f"{', '.join(sorted(names.values())) or '—'}). / No feature has a property "
                f"«{wanted}» (properties present: {', '.join(sorted(names.values())) or '—'})."
            )
        return wanted
    candidates: list[str | None] = [names[c] for c in CODE_PROPERTY_CANDIDATES if c in names]
    candidates.append(None)
    best, best_hits, first_with_values = None, -1, None
    for candidate in candidates:
        codes = [feature_code(item.feature, candidate) for item in features]
        if any(codes) and first_with_values is None:
            first_with_values = (candidate,)
        hits = sum(code in known_codes for code in codes)
        if hits > best_hits:
            best, best_hits = candidate, hits
    if best_hits > 0:
        return best
    if first_with_values is None:
        tried = ", ".join(CODE_PROPERTY_CANDIDATES)
        files = ", ".join(sorted({item.file_name for item in features}))
        raise BoundaryFileError(
            f"Không tìm thấy thuộc tính chứa mã xã trong «{files}» (đã thử: "
            f"{tried} và id của đối tượng); hãy chỉ rõ bằng --code-property. / "
            f"No property holding the commune code in «{files}» (tried: {tried} and the "
            "feature id); name it with --code-property."
        )
    return first_with_values[0]
