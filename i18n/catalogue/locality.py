"""Labels of the commune quick filter, the locality drill-down and its URL checks."""

MESSAGES = {
    "filter.search_hint": ("vd. buon ma, Ea Kar, 40001", "e.g. buon ma, Ea Kar, 40001"),
    "filter.no_match": (
        "Không tìm thấy xã/phường nào khớp «{query}».",
        "No commune matches «{query}».",
    ),
    "url.bad_village": (
        "Mã thôn «{value}» trong đường dẫn không hợp lệ (cần 8 chữ số); đã bỏ qua.",
        "Village code «{value}» in the link is malformed (8 digits expected); ignored.",
    ),
    "url.unknown_village": (
        "Không có thôn/buôn/tổ dân phố mã «{value}» trong tỉnh này; đã bỏ qua.",
        "No village with code «{value}» in this province; ignored.",
    ),
    "url.village_elsewhere": (
        "Thôn mã «{value}» thuộc xã {commune}, không thuộc xã đã chọn trong đường dẫn; đã bỏ qua.",
        "Village «{value}» belongs to commune {commune}, not to the commune chosen in the link; "
        "ignored.",
    ),
    "locality.back_to_province": ("Bỏ chọn xã, xem cả tỉnh", "Clear the communes: whole province"),
    "locality.open_one": ("Chỉ xem xã/phường này", "Open this commune alone"),
    "locality.cluster_title": ("Cụm {count} xã/phường", "Cluster of {count} communes"),
    "locality.points_vs_province": ("điểm % so với tỉnh", "points vs province"),
    "locality.share_of_province": ("= {share} tổng của tỉnh", "= {share} of the province total"),
    "locality.target_pace": (
        "Mục tiêu **{target}** · theo tiến độ {expected}",
        "Target **{target}** · on pace {expected}",
    ),
    "locality.province_and_report": (
        "Tỉnh: {province} · báo cáo ngày {date}",
        "Province: {province} · reported {date}",
    ),
    "locality.rank": ("Xếp hạng trong tỉnh", "Rank in the province"),
    "locality.rank_help": (
        "Theo điểm tổng hợp: trung bình mức hoàn thành các chỉ tiêu (mỗi chỉ tiêu tối đa 100%).",
        "By composite score: mean progress over the indicators (each capped at 100%).",
    ),
    "locality.communes_chosen": ("Số xã/phường đã chọn", "Communes chosen"),
    "locality.score": ("Điểm tổng hợp", "Composite score"),
    "locality.score_help": (
        "Trung bình mức hoàn thành mục tiêu của các chỉ tiêu, mỗi chỉ tiêu tối đa 100%.",
        "Mean progress towards the targets, each indicator capped at 100%.",
    ),
    "locality.points_vs_province_score": (
        "điểm so với tỉnh ({score})",
        "points vs province ({score})",
    ),
    "locality.completeness": ("Đầy đủ báo cáo", "Reporting completeness"),
    "locality.completeness_title": ("Báo cáo theo kỳ trong giai đoạn", "Reports per period"),
    "locality.periods": ("{reported}/{elapsed} kỳ", "{reported}/{elapsed} periods"),
    "locality.completeness_help": (
        "Số kỳ báo cáo có báo cáo / số kỳ đã qua từ đầu giai đoạn đến ngày số liệu.",
        "Periods with a report / periods elapsed from the stage start to the as-of date.",
    ),
    "locality.stage_not_started": (
        "Giai đoạn chưa bắt đầu ở ngày số liệu đã chọn.",
        "The stage has not started on the chosen as-of date.",
    ),
    "locality.teams": ("Tổ công nghệ số cộng đồng", "Community digital technology teams"),
    "locality.teams_value": ("{active}/{total} thôn", "{active}/{total} villages"),
    "locality.teams_help": (
        "Số thôn, buôn, tổ dân phố có tổ công nghệ số cộng đồng hoạt động theo báo cáo cấp thôn.",
        "Villages whose community digital technology team is active, from village-level reports.",
    ),
    "locality.target_groups": ("Nhóm đối tượng", "Target groups"),
    "locality.no_target_groups": ("Chưa có nhóm đối tượng.", "No target groups yet."),
    "locality.goal_tick": (
        "Cột: tỷ lệ đã tiếp cận; vạch đen: mục tiêu của nhóm.",
        "Bar: share reached; black tick: the group's goal.",
    ),
    "locality.sparkline_title": (
        "Diễn biến từ {first} đến {last}; đường nét đứt: tiến độ cần đạt",
        "From {first} to {last}; dashed line: the pace to keep",
    ),
    "locality.reached_pct": ("Đã tiếp cận (%)", "Reached (%)"),
    "locality.target_group": ("Nhóm", "Group"),
    "locality.reached": ("Số người đã tiếp cận", "People reached"),
    "locality.population": ("Tổng số", "Population"),
    "locality.goal": ("Mục tiêu (%)", "Goal (%)"),
    "locality.missing_periods": (
        "Kỳ thiếu báo cáo (ngày bắt đầu kỳ): {periods}",
        "Periods without a report (period start): {periods}",
    ),
    "locality.last_reports": ("Báo cáo gần nhất", "Last reports"),
    "locality.no_reports": (
        "Chưa có báo cáo nào đến ngày số liệu.",
        "No report up to the as-of date.",
    ),
    "locality.report_date": ("Ngày số liệu", "As of"),
    "locality.batch_file": ("Tệp nhập", "Import file"),
    "locality.batch_date": ("Ngày nhập", "Imported on"),
    "locality.breakdown": ("Từng xã/phường", "Per commune"),
    "locality.breakdown_hint": (
        "Số liệu của cụm ở trên là Σ tử số / Σ mẫu số của các xã, không phải trung bình tỷ lệ. "
        "Bấm tên một xã ở dòng đường dẫn phía trên để xem riêng xã đó.",
        "The cluster figures above are Σ numerator / Σ denominator over the communes, not a mean "
        "of percentages. Click a commune's name in the path at the top to open it alone.",
    ),
    "locality.choose_hint": (
        "Chọn một hoặc vài xã/phường: gõ tên (có dấu hoặc không) hoặc mã 5 chữ số vào ô tìm "
        "kiếm, hoặc chọn một dòng trong danh sách.",
        "Choose one or a few communes: type a name (with or without diacritics) or the 5-digit "
        "code in the search box, or pick a row of the list.",
    ),
    "locality.list_hint": (
        "Các xã/phường của tỉnh theo điểm tổng hợp; bấm một dòng để xem.",
        "The province's communes by composite score; click a row to open it.",
    ),
    "village.title": ("Thôn, buôn, tổ dân phố ({count})", "Villages ({count})"),
    "village.none_registered": (
        "Chưa có thôn, buôn, tổ dân phố nào trong danh mục.",
        "No villages are registered.",
    ),
    "village.nothing_reported": (
        "Chưa có số liệu nào được báo cáo ở cấp thôn.",
        "Nothing is reported at village level.",
    ),
    "village.name": ("Tên", "Name"),
    "village.team": ("Tổ công nghệ số cộng đồng", "Community digital team"),
    "village.team_active": ("✔ Hoạt động (báo cáo {date})", "✔ Active (reported {date})"),
    "village.team_inactive": ("✖ Chưa hoạt động", "✖ Not active"),
    "village.team_unreported": ("Chưa báo cáo", "Not reported"),
    "village.reached": ("Đã tiếp cận ({indicator})", "Reached ({indicator})"),
    "village.reached_any": ("Số người đã tiếp cận", "People reached"),
    "village.reached_unreported": ("Không báo cáo ở cấp thôn", "Not reported at village level"),
    "village.open": ("Xem một thôn", "Open a village"),
    "village.pick": ("— chọn thôn —", "— choose a village —"),
    "village.caption": (
        "{kind} · mã {code} · thuộc {commune} · số liệu đến {date}",
        "{kind} · code {code} · in {commune} · as of {date}",
    ),
    "village.nothing_for_village": (
        "Chưa có số liệu nào được báo cáo cho thôn này đến ngày {date}.",
        "Nothing is reported for this village up to {date}.",
    ),
    "village.reports": ("Báo cáo của thôn", "Reports of the village"),
    "village.back": ("Quay lại {commune}", "Back to {commune}"),
}
