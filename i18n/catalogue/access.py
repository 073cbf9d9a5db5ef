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
