"""Fixed reference tables: agencies, task groups, target groups, indicators and stages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# (code, name_vi, name_en): the provincial departments that own indicators.
AGENCIES: tuple[tuple[str, str, str], ...] = (
    ("SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology"),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Department of Education and Training"),
    ("SNV", "Sở Nội vụ", "Department of Home Affairs"),
    ("CA", "Công an tỉnh", "Provincial Police"),
    ("SCT", "Sở Công Thương", "Department of Industry and Trade"),
    ("VP_UBND", "Văn phòng UBND tỉnh", "Office of the Provincial People's Committee"),
)

# (code, name_vi, name_en): the four task groups of the provincial plan.
TASK_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("TRUYEN_THONG", "Công tác truyền thông", "Communication"),
    (
        "CHINH_SACH",
        "Chính sách và huy động doanh nghiệp công nghệ",
        "Policies and mobilising technology businesses",
    ),
    ("PHO_CAP", "Phổ cập kiến thức theo nhóm đối tượng", "Popularising knowledge per target group"),
    (
        "MO_HINH",
        "Mô hình, phong trào lan tỏa kỹ năng số",
        "Models and movements spreading digital skills",
    ),
)

# (code, name_vi, name_en, goal_pct): goals of the 2026 provincial plan (VNeID is 90 %).
TARGET_GROUPS: tuple[tuple[str, str, str, int], ...] = (
    (
        "CBCCVC",
        "Cán bộ, công chức, viên chức",
        "Public-sector officials, civil servants and employees",
        100,
    ),
    ("HOC_SINH", "Học sinh từ tiểu học trở lên", "Pupils from primary school up", 100),
    (
        "NGUOI_LON",
        "Người trưởng thành có kiến thức số cơ bản",
        "Adults with basic digital knowledge",
        100,
    ),
    ("VNEID", "Người trưởng thành được xác thực trên VNeID", "Adults certified on VNeID", 90),
    (
        "NLD_DN",
        "Người lao động trong doanh nghiệp, hợp tác xã",
        "Workers in enterprises and co-operatives",
        100,
    ),
)


@dataclass(frozen=True)
class Indicator:
    """One campaign indicator as written to indicators.csv."""

    code: str
    name_vi: str
    name_en: str
    unit: str
    agency: str
    task_group: str
    target_group: str
    numerator_vi: str
    numerator_en: str
    denominator_vi: str = ""
    denominator_en: str = ""


# The adult population is the denominator of both adult indicators.
_ADULTS_VI, _ADULTS_EN = "Dân số trưởng thành (từ 15 tuổi)", "Adult population (aged 15 and over)"

# fmt: off
# Positional fields follow the Indicator dataclass order.
INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "CT01", "Tỷ lệ cán bộ, công chức, viên chức có kỹ năng số",
        "% of officials, civil servants and public employees with digital skills",
        "percent", "SNV", "PHO_CAP", "CBCCVC",
        "Số cán bộ, công chức, viên chức được trang bị kỹ năng số",
        "Officials, civil servants and employees trained in digital skills",
        "Tổng số cán bộ, công chức, viên chức", "All officials, civil servants and employees",
    ),
    Indicator(
        "CT02", "Tỷ lệ học sinh được trang bị kiến thức số",
        "% of pupils equipped with digital knowledge", "percent", "SGDDT", "PHO_CAP", "HOC_SINH",
        "Số học sinh từ tiểu học trở lên được trang bị kiến thức số",
        "Pupils from primary school up equipped with digital knowledge",
        "Tổng số học sinh từ tiểu học trở lên", "All pupils from primary school up",
    ),
    Indicator(
        "CT03", "Tỷ lệ người trưởng thành có kỹ năng số cơ bản",
        "% of adults with basic digital skills", "percent", "SKHCN", "PHO_CAP", "NGUOI_LON",
        "Số người trưởng thành có kỹ năng số cơ bản", "Adults with basic digital skills",
        _ADULTS_VI, _ADULTS_EN,
    ),
    Indicator(
        "CT04", "Tỷ lệ người trưởng thành được xác thực trên VNeID",
        "% of adults certified on VNeID", "percent", "CA", "PHO_CAP", "VNEID",
        "Số người trưởng thành có tài khoản định danh điện tử mức 2 đã kích hoạt",
        "Adults with an activated level-2 VNeID electronic identity", _ADULTS_VI, _ADULTS_EN,
    ),
    Indicator(
        "CT05", "Tỷ lệ người lao động trong doanh nghiệp, hợp tác xã có kỹ năng số",
        "% of workers in enterprises and co-operatives with digital skills",
        "percent", "SCT", "PHO_CAP", "NLD_DN",
        "Số người lao động được trang bị kỹ năng số", "Workers trained in digital skills",
        "Tổng số người lao động trong doanh nghiệp, hợp tác xã",
        "All workers in enterprises and co-operatives",
    ),
    Indicator(
        "CT06", "Tỷ lệ thôn, buôn, tổ dân phố có tổ công nghệ số cộng đồng hoạt động",
        "% of villages with an active community digital technology team",
        "percent", "SKHCN", "MO_HINH", "",
        "Số thôn, buôn, làng, tổ dân phố có tổ công nghệ số cộng đồng hoạt động thường xuyên",
        "Villages and residential groups with an active community digital technology team",
        "Tổng số thôn, buôn, làng, tổ dân phố", "All villages and residential groups",
    ),
    Indicator(
        "CT07", "Số người hoàn thành khóa học trên nền tảng học tập mở đại trà",
        "Learners completing courses on the national open learning platform",
        "count", "SKHCN", "TRUYEN_THONG", "",
        "Số người hoàn thành ít nhất một khóa học (lũy kế)",
        "Learners who completed at least one course (cumulative)",
    ),
    Indicator(
        "CT08", "Số chữ ký số trên VNeID được đăng ký", "VNeID digital signatures registered",
        "count", "CA", "CHINH_SACH", "",
        "Số chữ ký số cá nhân đăng ký trên VNeID (lũy kế)",
        "Personal digital signatures registered on VNeID (cumulative)",
    ),
    Indicator(
        "CT09", "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến",
        "% of administrative dossiers filed online", "percent", "VP_UBND", "MO_HINH", "",
        "Số hồ sơ thủ tục hành chính nộp trực tuyến (lũy kế từ đầu chiến dịch)",
        "Administrative dossiers filed online (cumulative since the campaign start)",
        "Tổng số hồ sơ thủ tục hành chính tiếp nhận (lũy kế từ đầu chiến dịch)",
        "All administrative dossiers received (cumulative since the campaign start)",
    ),
    Indicator(
        "CT10", "Số hộ kinh doanh chấp nhận thanh toán không dùng tiền mặt",
        "Household businesses accepting cashless payment", "count", "SCT", "CHINH_SACH", "",
        "Số hộ kinh doanh nhận thanh toán không dùng tiền mặt: mã QR, thẻ, chuyển khoản (lũy kế)",
        "Household businesses accepting cashless payment: QR code, card, transfer (cumulative)",
    ),
)
# fmt: on


@dataclass(frozen=True)
class Stage:
    """A campaign stage; codes get a province suffix when several provinces are generated."""

    code: str
    name_vi: str
    name_en: str
    start: date
    deadline: date


# The 100-day peak of 2025 and the 2026 plan, as in the provincial steering documents.
STAGES: tuple[Stage, ...] = (
    Stage(
        "GD1-2025",
        "Giai đoạn 1: 100 ngày cao điểm (15/7 - 25/10/2025)",
        "Stage 1: 100-day peak (15 Jul - 25 Oct 2025)",
        date(2025, 7, 15),
        date(2025, 10, 25),
    ),
    Stage(
        "GD2-2026",
        "Giai đoạn 2: kế hoạch năm 2026",
        "Stage 2: 2026 plan",
        date(2026, 1, 1),
        date(2026, 12, 31),
    ),
)

# Reports arrive weekly (every Monday), the period of the provincial reporting rule.
PERIOD_DAYS = 7
