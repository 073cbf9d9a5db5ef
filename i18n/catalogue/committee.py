"""Labels of the committee's screens: overview, indicators, target groups, ranking."""

MESSAGES = {
    # Indicator tiles
    "tile.since_report": ("so với {date}", "vs {date}"),
    "tile.of_target": ("{percent} mục tiêu", "{percent} of target"),
    "tile.since_meeting": (
        "Từ cuộc họp {date}: **{change}**",
        "Since the {date} meeting: **{change}**",
    ),
    "tile.status_was": ("khi đó: {status}", "then: {status}"),
    "tile.points": ("điểm %", "pp"),
    # Meeting date and shared pieces
    "committee.meeting": ("Cuộc họp trước", "Last meeting"),
    "committee.meeting_help": (
        "Ngày họp Ban Chỉ đạo lần trước: mọi thay đổi «từ cuộc họp» tính từ ngày này "
        "(trong đường dẫn: meeting=YYYY-MM-DD).",
        "Date of the committee's last meeting: every change 'since the meeting' counts from "
        "it (in the link: meeting=YYYY-MM-DD).",
    ),
    "committee.bad_meeting": (
        "Ngày họp «{value}» trong đường dẫn không hợp lệ (cần YYYY-MM-DD, trước ngày số liệu); "
        "dùng ngày mặc định.",
        "Meeting date «{value}» in the link is not valid (YYYY-MM-DD before the as-of date "
        "expected); using the default.",
    ),
    "committee.behind_count": ("{count} chỉ tiêu chậm", "{count} behind"),
    "committee.stale_count": ("{count} báo cáo quá hạn", "{count} stale"),
    "committee.reached_of": ("{reached} / {population} người", "{reached} / {population} people"),
    "committee.people_short": ("còn thiếu {count} người", "{count} people short"),
    # Overview
    "committee.groups_title": ("Nhóm đối tượng", "Target groups"),
    "committee.reach_axis": ("% số người đã đạt / tổng số", "% of people reached"),
    "committee.bars_legend": (
        "Thanh: % đã đạt, màu theo trạng thái. Vạch đen: mức cần đạt hôm nay theo tiến độ; "
        "◆ xám: mục tiêu của giai đoạn.",
        "Bar: % reached, coloured by status. Black tick: where the pace line says the group "
        "should be today; grey ◆: the stage target.",
    ),
    "committee.weakest": ("5 xã yếu nhất", "5 weakest communes"),
    "committee.strongest": ("5 xã mạnh nhất", "5 strongest communes"),
    "committee.no_ranked": ("Chưa có xã nào có số liệu.", "No commune has data yet."),
    "committee.score_note": (
        "Điểm tổng hợp: trung bình % hoàn thành mục tiêu (tối đa 100%) của các chỉ tiêu có "
        "số liệu — xem trang Xếp hạng.",
        "Composite score: mean progress to target (capped at 100%) over the indicators with "
        "data — see the Ranking page.",
    ),
    "committee.changes_title": ("Thay đổi từ cuộc họp {date}", "Changes since the {date} meeting"),
    "committee.status_changed": ("Chỉ tiêu đổi trạng thái", "Indicators that changed status"),
    "committee.no_status_change": (
        "Không chỉ tiêu nào đổi trạng thái.",
        "No indicator changed status.",
    ),
    "committee.fell_behind": (
        "Xã tụt xuống «chậm tiến độ» ({count})",
        "Communes that fell behind ({count})",
    ),
    "committee.none_fell_behind": (
        "Không xã nào tụt xuống «chậm tiến độ».",
        "No commune fell behind.",
    ),
    "committee.and_more": (
        "… và {count} xã khác (xem trang Xếp hạng)",
        "… and {count} more (see Ranking)",
    ),
    # Indicators page
    "indicators.none": (
        "Giai đoạn này chưa có chỉ tiêu nào.",
        "This stage has no indicators yet.",
    ),
    "indicators.pick": ("Chọn chỉ tiêu", "Choose an indicator"),
    "indicators.bad_code": (
        "Không có chỉ tiêu «{value}» trong giai đoạn này; hiển thị chỉ tiêu đầu tiên.",
        "No indicator «{value}» in this stage; showing the first one.",
    ),
    "indicators.rate": ("Tốc độ gần đây", "Recent rate"),
    "indicators.required": ("Cần đạt", "Required"),
    "indicators.per_week": ("/tuần", "/week"),
    "indicators.task_group": ("Nhóm nhiệm vụ", "Task group"),
    "indicators.numerator": ("Tử số", "Numerator"),
    "indicators.denominator": ("Mẫu số", "Denominator"),
    "indicators.count_unit": (
        "Chỉ tiêu đếm số lượng: các xã cộng dồn, không có mẫu số.",
        "A count indicator: communes add up, there is no denominator.",
    ),
    "indicators.pace": ("Lộ trình", "Pace line"),
    "indicators.deadline_mark": ("Hạn", "Deadline"),
    "indicators.as_of_mark": ("Số liệu đến", "As of"),
    "indicators.projected_mark": ("Dự kiến đạt", "Projected finish"),
    "indicators.date_axis": ("Ngày báo cáo", "Report date"),
    "indicators.value_axis_percent": ("Tỷ lệ (%)", "Rate (%)"),
    "indicators.value_axis_count": ("Số lượng", "Count"),
    "indicators.value_line": ("Thực tế", "Actual"),
    "indicators.pace_line": ("Lộ trình đến mục tiêu", "Pace to target"),
    "indicators.no_finish": (
        "Với tốc độ gần đây, chỉ tiêu không tiến về mục tiêu: không dự kiến được ngày đạt.",
        "At the recent rate the indicator does not move towards its target: no finish date.",
    ),
    "indicators.late_finish": (
        "Với tốc độ gần đây, dự kiến đạt mục tiêu ngày {date} — ngoài khung biểu đồ.",
        "At the recent rate the target is reached on {date} — beyond the chart.",
    ),
    "indicators.distribution": ("Phân bố theo xã ({count} xã)", "Across communes ({count})"),
    "indicators.communes_axis": ("Số xã", "Communes"),
    "indicators.progress_axis": ("% hoàn thành mục tiêu", "Progress to target (%)"),
    "indicators.table": ("Các xã", "Communes"),
    "committee.open": ("Mở trang của xã/phường này", "Open this commune's page"),
    "tile.open": ("Chi tiết", "Details"),
    "tile.open_help": ("Mở trang của chỉ tiêu này", "Open this indicator's page"),
    "committee.table_hint": (
        "Bấm tiêu đề cột để sắp xếp; chọn một dòng để mở trang địa bàn của xã đó.",
        "Click a column header to sort; choose a row to open that commune's locality page.",
    ),
    # Target groups page
    "groups.bad_param": (
        "Giá trị «{value}» của «{name}» trong đường dẫn không hợp lệ; dùng mặc định.",
        "Value «{value}» of «{name}» in the link is not valid; using the default.",
    ),
    "groups.kind_filter": ("Loại đơn vị", "Kind of unit"),
    "groups.kind_all": ("Tất cả", "All"),
    # Short options, so both fit side by side on a phone.
    "groups.sort": ("Xếp lên đầu xã thiếu nhiều nhất về", "First the communes furthest behind in"),
    "groups.sort_gap_points": ("điểm %", "points"),
    "groups.sort_gap_people": ("số người", "people"),
    "groups.province": ("Toàn tỉnh", "Whole province"),
    "groups.chosen": ("Các xã đã chọn", "Chosen communes"),
    "groups.goal": (
        "Mục tiêu chung của nhóm: **{goal}**; tiến độ giai đoạn theo chỉ tiêu **{indicator}**.",
        "The group's overall goal: **{goal}**; stage pace follows indicator **{indicator}**.",
    ),
    "groups.none": (
        "Không nhóm đối tượng nào gắn với các chỉ tiêu đang xem.",
        "No target group is tied to the indicators shown.",
    ),
    "groups.no_communes": (
        "Không có xã/phường nào thuộc loại này.",
        "No commune of this kind.",
    ),
    "groups.commune_bars": (
        "Từng xã ({count}), xa mục tiêu nhất ở trên",
        "Each commune ({count}), furthest from target first",
    ),
    "groups.furthest": ("Thiếu nhiều người nhất", "Furthest in people"),
    "groups.all_at_target": (
        "Mọi xã đã đạt mục tiêu giai đoạn.",
        "Every commune has reached the stage target.",
    ),
    "groups.at_target": (
        "{count}/{total} xã đã đạt mục tiêu giai đoạn.",
        "{count}/{total} communes have reached the stage target.",
    ),
    "groups.gap_note": (
        "Khoảng cách = mục tiêu giai đoạn − % đã đạt; "
        "số người thiếu = mục tiêu × dân số − số đã đạt.",
        "Gap = stage target − % reached; people short = target × population − people reached.",
    ),
    # Ranking page
    "ranking.method": (
        "**Cách xếp hạng.** Điểm tổng hợp của một xã = trung bình % hoàn thành mục tiêu của các "
        "chỉ tiêu xã đó có số liệu, mỗi chỉ tiêu tính tối đa 100% (vượt mục tiêu ở chỉ tiêu này "
        "không bù cho chỉ tiêu khác). Mục tiêu của xã: mục tiêu riêng nếu có; nếu không, tỷ lệ "
        "của tỉnh (chỉ tiêu %) hoặc phần của xã trong mục tiêu số lượng của tỉnh theo tỷ lệ dân "
        "số (chỉ tiêu đếm). Hạng 1 là cao nhất; các xã bằng điểm (làm tròn 0,1%) đồng hạng "
        "và hạng kế tiếp bị bỏ qua (1, 2, 2, 4). Xã chưa có số liệu không được xếp hạng và "
        "được liệt kê riêng. Thay đổi hạng so với ngày họp trước: dương là tăng hạng.",
        "**How communes are ranked.** A commune's composite score is the mean of its progress "
        "to target over the indicators it has data for, each capped at 100% (exceeding one "
        "target does not make up for another). A commune's target: its own where set, else the "
        "province rate (percent indicators) or its population share of the province count "
        "(count indicators). Rank 1 is the best; communes with equal scores (to 0.1%) share a "
        "rank and the next rank is skipped (1, 2, 2, 4). Communes without data are not ranked "
        "and are listed apart. Rank change since the last meeting: positive means moved up.",
    ),
    "ranking.agency": (
        "Điểm và hạng chỉ tính các chỉ tiêu của cơ quan {agency}.",
        "Scores and ranks count only the indicators of agency {agency}.",
    ),
    "ranking.filtered": (
        "Chỉ hiện {count} xã đã chọn; hạng là thứ hạng trong toàn tỉnh.",
        "Showing the {count} chosen communes; ranks are places in the whole province.",
    ),
    "ranking.unscored": (
        "{count} xã chưa có số liệu để tính điểm, không được xếp hạng: {names}.",
        "{count} communes have no data to score and are not ranked: {names}.",
    ),
    "ranking.improved": (
        "Tiến bộ nhất từ cuộc họp {date}",
        "Most improved since the {date} meeting",
    ),
    "ranking.none_improved": (
        "Chưa xã nào tăng điểm từ cuộc họp.",
        "No commune has raised its score since the meeting.",
    ),
    "ranking.places_up": ("tăng {count} hạng", "up {count} places"),
    "ranking.laggards": ("Mười xã yếu nhất", "The ten weakest communes"),
    "ranking.table": ("Bảng xếp hạng ({count} xã)", "Ranking ({count} communes)"),
    "ranking.rank": ("Hạng", "Rank"),
    "ranking.rank_change": ("± hạng", "± places"),
    "ranking.rank_change_help": (
        "Hạng tại cuộc họp trước trừ hạng hiện nay; trống nếu khi đó chưa được xếp hạng.",
        "Rank at the last meeting minus rank now; empty when the commune was not ranked then.",
    ),
    "ranking.score": ("Điểm tổng hợp", "Composite score"),
    "ranking.score_change": ("± điểm %", "± points"),
    "ranking.scored": ("Số chỉ tiêu tính điểm", "Indicators scored"),
    "ranking.scored_help": (
        "Số chỉ tiêu xã đã có số liệu (được tính vào điểm).",
        "Indicators the commune has data for (those in its score).",
    ),
}
