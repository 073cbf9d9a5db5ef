"""Column names each file kind accepts: English names and Vietnamese aliases.

Headers are compared folded (case, diacritics, spaces, hyphens and dots ignored), so
"Mã xã", "ma_xa", "MA XA" and "ma-xa" all name the commune code.
"""

from __future__ import annotations

import pandas as pd

from campaign.text import fold_text
from data_access.importers.problems import Problem

# canonical column -> accepted header names (folded form shown in the docs).
REPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "commune_code": ("commune_code", "locality_code", "code", "ma_xa", "ma_dia_ban", "ma_don_vi"),
    "indicator_code": ("indicator_code", "ma_chi_tieu", "chi_tieu_ma"),
    "as_of": (
        "as_of",
        "date",
        "report_date",
        "ngay",
        "ngay_bao_cao",
        "den_ngay",
        "so_lieu_den_ngay",
    ),
    "numerator": ("numerator", "value", "tu_so", "gia_tri", "so_luong", "ket_qua"),
    "denominator": ("denominator", "mau_so", "tong_so"),
    "note": ("note", "notes", "ghi_chu"),
}
REPORT_REQUIRED = ("commune_code", "indicator_code", "as_of", "numerator")

LOCALITY_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "locality_code", "ma", "ma_dia_ban", "ma_xa"),
    "name": ("name", "ten", "ten_dia_ban", "ten_xa"),
    "kind": ("kind", "loai", "loai_dia_ban"),
    "parent_code": ("parent_code", "ma_cap_tren", "ma_tinh", "ma_cha"),
}
LOCALITY_REQUIRED = ("code", "name", "kind", "parent_code")

POPULATION_COLUMNS: dict[str, tuple[str, ...]] = {
    "commune_code": ("commune_code", "locality_code", "ma_xa", "ma_dia_ban"),
    "target_group_code": ("target_group_code", "ma_nhom", "ma_nhom_doi_tuong", "nhom_doi_tuong"),
    "as_of": ("as_of", "date", "ngay"),
    "population": ("population", "count", "dan_so", "so_nguoi", "so_luong"),
}
POPULATION_REQUIRED = tuple(POPULATION_COLUMNS)

INDICATOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "indicator_code", "ma_chi_tieu"),
    "name_vi": ("name_vi", "ten_chi_tieu", "ten"),
    "name_en": ("name_en", "ten_tieng_anh"),
    "unit": ("unit", "don_vi"),
    "direction": ("direction", "chieu"),
    "agency_code": ("agency_code", "ma_co_quan", "co_quan"),
    "task_group_code": ("task_group_code", "ma_nhom_nhiem_vu", "nhom_nhiem_vu"),
    "target_group_code": ("target_group_code", "ma_nhom_doi_tuong", "nhom_doi_tuong"),
    "stage_code": ("stage_code", "ma_giai_doan", "giai_doan"),
    "baseline": ("baseline", "gia_tri_dau_ky", "dau_ky"),
    "target": ("target", "muc_tieu", "chi_tieu_giao"),
    "sort_order": ("sort_order", "thu_tu", "stt"),
}
INDICATOR_REQUIRED = (
    "code",
    "name_vi",
    "name_en",
    "unit",
    "agency_code",
    "task_group_code",
    "stage_code",
    "baseline",
    "target",
)


def fold_header(name: str) -> str:
    """The comparable form of a header: folded, words joined by underscores."""
    folded = fold_text(str(name)).replace("-", " ").replace(".", " ").replace("_", " ")
    return "_".join(folded.split())


def map_headers(
    frame: pd.DataFrame, spec: dict[str, tuple[str, ...]], required: tuple[str, ...]
) -> tuple[pd.DataFrame, list[Problem]]:
    """Rename known headers to their canonical names; report missing or doubled ones."""
    lookup = {alias: canonical for canonical, aliases in spec.items() for alias in aliases}
    renames: dict[str, str] = {}
    problems: list[Problem] = []
    for column in frame.columns:
        if column == "row":
            continue
        canonical = lookup.get(fold_header(column))
        if canonical is None:
            continue  # names and other extra columns are not trusted over codes: ignored
        if canonical in renames.values():
            problems.append(Problem("import.duplicate_column", params={"column": column}))
        renames[column] = canonical
    for canonical in required:
        if canonical not in renames.values():
            aliases = ", ".join(spec[canonical])
            problems.append(
                Problem("import.missing_column", params={"column": canonical, "aliases": aliases})
            )
    kept = ["row", *renames]
    mapped = frame.loc[:, kept].rename(columns=renames)
    for canonical in spec:
        if canonical not in mapped.columns:
            mapped[canonical] = ""
    # Problems name a column as the file's own header says it.
    mapped.attrs["headers"] = {canonical: original for original, canonical in renames.items()}
    return mapped, problems
