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
    # Optional: the commune's focal point for reporting, named in reminders.
    "focal_name": ("focal_name", "focal_point", "dau_moi", "nguoi_dau_moi", "can_bo_dau_moi"),
    "focal_phone": ("focal_phone", "phone", "dien_thoai", "so_dien_thoai", "sdt"),
    "focal_email": ("focal_email", "email", "e_mail", "thu_dien_tu"),
}
# The register's optional columns: a file without one leaves what is stored unchanged.
LOCALITY_FOCAL = ("focal_name", "focal_phone", "focal_email")
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
    "numerator_vi": ("numerator_vi", "tu_so_la", "dinh_nghia_tu_so"),
    "numerator_en": ("numerator_en", "tu_so_tieng_anh"),
    "denominator_vi": ("denominator_vi", "mau_so_la", "dinh_nghia_mau_so"),
    "denominator_en": ("denominator_en", "mau_so_tieng_anh"),
    "decimals": ("decimals", "so_chu_so_thap_phan", "thap_phan"),
    "sort_order": ("sort_order", "thu_tu", "stt"),
    # Optional, together: a province-wide target per stage on the indicator's own row.
    "stage_code": ("stage_code", "ma_giai_doan", "giai_doan"),
    "baseline": ("baseline", "gia_tri_dau_ky", "dau_ky"),
    "target": ("target", "muc_tieu", "chi_tieu_giao"),
}
INDICATOR_REQUIRED = ("code", "name_vi", "name_en", "unit", "agency_code", "task_group_code")
# When a file has a stage column, each row also carries that stage's target.
INDICATOR_TARGET_COLUMNS = ("stage_code", "baseline", "target")

TARGET_COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator_code": ("indicator_code", "ma_chi_tieu"),
    "stage_code": ("stage_code", "ma_giai_doan", "giai_doan"),
    "locality_code": ("locality_code", "commune_code", "ma_xa", "ma_dia_ban"),
    "baseline": ("baseline", "gia_tri_dau_ky", "dau_ky"),
    "target": ("target", "muc_tieu", "chi_tieu_giao"),
}
TARGET_REQUIRED = ("indicator_code", "stage_code", "baseline", "target")


def _named_catalogue(*codes: str) -> dict[str, tuple[str, ...]]:
    return {
        "code": ("code", *codes),
        "name_vi": ("name_vi", "ten", "ten_tieng_viet"),
        "name_en": ("name_en", "ten_tieng_anh"),
    }


AGENCY_COLUMNS = _named_catalogue("agency_code", "ma", "ma_co_quan")
TASK_GROUP_COLUMNS = _named_catalogue("task_group_code", "ma", "ma_nhom_nhiem_vu")
TARGET_GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    **_named_catalogue("target_group_code", "ma", "ma_nhom_doi_tuong"),
    "goal_pct": ("goal_pct", "goal", "muc_tieu_phan_tram", "ty_le_muc_tieu"),
    "sort_order": ("sort_order", "thu_tu", "stt"),
}
NAMED_REQUIRED = ("code", "name_vi", "name_en")
TARGET_GROUP_REQUIRED = (*NAMED_REQUIRED, "goal_pct")

CAMPAIGN_COLUMNS: dict[str, tuple[str, ...]] = {
    "campaign_code": ("campaign_code", "ma_chien_dich"),
    "province_code": ("province_code", "ma_tinh"),
    "campaign_name_vi": ("campaign_name_vi", "ten_chien_dich"),
    "campaign_name_en": ("campaign_name_en", "ten_chien_dich_tieng_anh"),
    "stage_code": ("stage_code", "ma_giai_doan"),
    "stage_name_vi": ("stage_name_vi", "ten_giai_doan"),
    "stage_name_en": ("stage_name_en", "ten_giai_doan_tieng_anh"),
    "start_date": ("start_date", "ngay_bat_dau", "tu_ngay"),
    "deadline": ("deadline", "han_chot", "ngay_ket_thuc", "den_ngay"),
    "period_days": ("period_days", "ky_bao_cao", "so_ngay_ky_bao_cao"),
}
CAMPAIGN_REQUIRED = tuple(c for c in CAMPAIGN_COLUMNS if c != "period_days")


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
