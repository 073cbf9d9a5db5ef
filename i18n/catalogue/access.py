"""Labels of signing in, the viewer's box, and pages or views the viewer may not open."""

MESSAGES = {
    "access.title": ("Đăng nhập", "Sign in"),
    "access.intro": (
        "Bảng điều hành chỉ dành cho người được cấp quyền. Vui lòng đăng nhập.",
        "The dashboard is for people given access. Please sign in.",
    ),
    "access.with_account": ("Đăng nhập bằng tài khoản", "Sign in with an account"),
    "access.with_sso": ("Đăng nhập qua {provider}", "Sign in through {provider}"),
    "access.dead_link": (
        "Liên kết trình chiếu này không còn hiệu lực (hết hạn hoặc đã bị thu hồi).",
        "This presentation link no longer works (it expired or was revoked).",
    ),
    "access.unknown_sso": (
        "Tài khoản đăng nhập một lần này chưa được cấp quyền. Vui lòng liên hệ quản trị viên.",
        "This single sign-on account has not been given access. Please ask the administrator.",
    ),
    "access.signed_in_as": ("Đăng nhập: {name}", "Signed in: {name}"),
    "access.link_label": ("Liên kết trình chiếu: {name}", "Presentation link: {name}"),
    "access.sign_out": ("Đăng xuất", "Sign out"),
    "access.page_refused": (
        "Bạn không có quyền mở trang này.",
        "You may not open this page.",
    ),
    "access.outside": (
        "«{value}» nằm ngoài phạm vi của bạn; đang hiển thị phạm vi của bạn.",
        "«{value}» is outside your view; showing your own view.",
    ),
    "access.nothing": (
        "Tài khoản của bạn chưa được cấp phạm vi xem nào. Vui lòng liên hệ quản trị viên.",
        "Your account has no view granted yet. Please ask the administrator.",
    ),
    "access.database_down": (
        "Không kết nối được cơ sở dữ liệu. Trang sẽ tự thử lại.",
        "The database cannot be reached. The page will try again.",
    ),
}

MESSAGES.update(
    {
        "admin.section_setup": ("Thiết lập tỉnh", "Province setup"),
        "admin.section_accounts": ("Tài khoản", "Accounts"),
        "admin.section_links": ("Liên kết trình chiếu", "Presentation links"),
        "admin.section_audit": ("Nhật ký", "Audit log"),
        "admin.add_account": ("Thêm tài khoản", "Add an account"),
        "admin.login": ("Tên đăng nhập", "Login"),
        "admin.display_name": ("Họ tên hiển thị", "Display name"),
        "admin.email": ("Thư điện tử (cho đăng nhập một lần)", "E-mail (for single sign-on)"),
        "admin.password": ("Mật khẩu", "Password"),
        "admin.password_help": (
            "Để trống nếu chỉ đăng nhập một lần (SSO). Ít nhất 10 ký tự.",
            "Leave empty for single sign-on only. At least 10 characters.",
        ),
        "admin.role": ("Vai trò", "Role"),
        "admin.create": ("Tạo tài khoản", "Create the account"),
        "admin.created": ("Đã tạo tài khoản «{login}».", "Account «{login}» created."),
        "admin.pick_account": ("Chọn tài khoản để thay đổi", "Choose an account to change"),
        "admin.disable": ("Khóa tài khoản", "Disable the account"),
        "admin.enable": ("Mở khóa tài khoản", "Enable the account"),
        "admin.new_password": ("Mật khẩu mới", "New password"),
        "admin.reset_password": ("Đặt lại mật khẩu", "Reset the password"),
        "admin.grant": ("Cấp vai trò", "Grant the role"),
        "admin.revoke": ("Thu hồi vai trò", "Revoke the role"),
        "admin.saved": ("Đã lưu.", "Saved."),
        "admin.sessions": ("Phiên đăng nhập đang mở", "Open sessions"),
        "admin.pick_session": ("Chọn phiên", "Choose a session"),
        "admin.end_session": ("Kết thúc phiên", "End the session"),
        "admin.links_help": (
            "Liên kết chỉ mở chế độ trình chiếu, trong phạm vi bộ lọc hiện tại, và hết hạn.",
            "A link opens presentation mode only, within the current filters, and expires.",
        ),
        "admin.link_label": ("Tên liên kết", "Link name"),
        "admin.link_default": ("Phòng họp Ban Chỉ đạo", "Committee meeting room"),
        "admin.link_days": ("Hiệu lực (ngày)", "Valid for (days)"),
        "admin.link_freeze": ("Cố định số liệu đến ngày {date}", "Freeze the figures as of {date}"),
        "admin.link_create": ("Tạo liên kết", "Create the link"),
        "admin.link_made": (
            "Đã tạo liên kết; sao chép ngay (chỉ hiện một lần):",
            "Link created; copy it now (it is shown once):",
        ),
        "admin.pick_link": ("Chọn liên kết", "Choose a link"),
        "admin.link_revoke": ("Thu hồi liên kết", "Revoke the link"),
        "admin.audit_actions": ("Loại sự kiện", "Kinds of event"),
        "admin.audit_all": ("Tất cả", "All"),
    }
)
