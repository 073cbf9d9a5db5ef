"""The sign-in page: one small bilingual HTML document (Vietnamese first), no outside assets.

Every value put into it is escaped; it reads at 360 px wide (a phone) and at 1366×768.
"""

from __future__ import annotations

from html import escape

from data_access.accounts.demo import DemoAccount

# Inline only: the page must work on a province network with no outside access, and the
# Content-Security-Policy below allows nothing else.
STYLE = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,
sans-serif;color:#1b1f24;background:#eef2f6}
main{max-width:26rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.35rem;line-height:1.3;margin:.25rem 0 1rem}
.sub{display:block;font-size:.95rem;font-weight:400;color:#4a5561}
form,.demo{background:#fff;border:1px solid #cfd8e3;border-radius:.5rem;padding:1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
label:first-of-type{margin-top:0}
input{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #8a96a3;border-radius:.35rem}
input:focus{outline:3px solid #7aa7e0;outline-offset:1px}
button{width:100%;margin-top:1.1rem;padding:.7rem;font:inherit;font-weight:600;color:#fff;
background:#0b5cad;border:0;border-radius:.35rem;cursor:pointer}
button:focus{outline:3px solid #7aa7e0;outline-offset:2px}
.alert{margin:0 0 1rem;padding:.7rem .8rem;border-radius:.35rem;background:#fdecea;
color:#7a1b12;border:1px solid #f0b4ad}
.info{background:#e8f1fb;color:#0b3a6b;border-color:#b5d0ee}
.demo{margin-top:1rem;font-size:.9rem}
.demo h2{font-size:1rem;margin:0 0 .5rem}
.demo p{margin:0 0 .25rem}
ul{list-style:none;margin:0;padding:0}
li{padding:.4rem 0;border-top:1px solid #e1e7ee}
code{font-size:.95em;white-space:nowrap}
.who{font-size:1.1rem;font-weight:600;margin:0 0 .25rem}
a.go{display:block;text-align:center;margin-top:1.1rem;padding:.7rem;font-weight:600;
color:#fff;background:#0b5cad;border-radius:.35rem;text-decoration:none}
a.go:focus{outline:3px solid #7aa7e0;outline-offset:2px}
button.quiet{color:#0b3a6b;background:#e8f1fb;border:1px solid #b5d0ee}
form.out{margin-top:1rem}
form.out p{margin:0}
.role{display:block;color:#4a5561}
"""
# Sent with the page: nothing from elsewhere, no framing (clickjacking), no referrer leaks.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def _demo_section(accounts: list[DemoAccount]) -> str:
    if not accounts:
        return ""
    items = "".join(
        f"<li><code>{escape(a.login)}</code> · <code>{escape(a.password)}</code>"
        f'<span class="role">{escape(a.role_label("vi"))} / '
        f"{escape(a.role_label('en'))}</span></li>"
        for a in accounts
    )
    return (
        '<section class="demo" aria-labelledby="demo-title">'
        '<h2 id="demo-title">Tài khoản dùng thử (dữ liệu mô phỏng)'
        '<span class="sub">Demo accounts (synthetic demo data)</span></h2>'
        '<p class="sub">Tên đăng nhập · mật khẩu / Login · password</p>'
        f"<ul>{items}</ul></section>"
    )


def render_signin_page(
    *,
    action: str,
    next_path: str,
    message: str = "",
    notice: str = "",
    login: str = "",
    demo_accounts: list[DemoAccount] | None = None,
) -> str:
    """The sign-in page; `message` is an error to show, `notice` a neutral note."""
    alert = f'<p class="alert" role="alert">{escape(message)}</p>' if message else ""
    note = f'<p class="alert info" role="status">{escape(notice)}</p>' if notice else ""
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập · Sign in — Bình dân học vụ số</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>Bình dân học vụ số — Đăng nhập<span class="sub">Digital Literacy for All — Sign in</span></h1>
{alert}{note}
<form method="post" action="{escape(action)}">
<input type="hidden" name="next" value="{escape(next_path)}">
<label for="login">Tên đăng nhập <span class="sub">Login</span></label>
<input id="login" name="login" value="{escape(login)}" autocomplete="username"
 autocapitalize="none" spellcheck="false" maxlength="100" required autofocus>
<label for="password">Mật khẩu <span class="sub">Password</span></label>
<input id="password" name="password" type="password" autocomplete="current-password"
 maxlength="256" required>
<button type="submit">Đăng nhập · Sign in</button>
</form>
{_demo_section(demo_accounts or [])}
</main>
</body>
</html>
"""


def render_signed_in_page(*, display_name: str, continue_to: str, signout_action: str) -> str:
    """The page for a browser already signed in: who it is, a link on, and a sign-out button."""
    name = escape(display_name)
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đã đăng nhập · Signed in — Bình dân học vụ số</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>Bình dân học vụ số<span class="sub">Digital Literacy for All</span></h1>
<section class="demo">
<p class="who" id="signed-in">Đã đăng nhập: {name}</p>
<p class="sub">Signed in as {name}</p>
<a class="go" href="{escape(continue_to)}">Tiếp tục · Continue</a>
</section>
<form class="out" method="post" action="{escape(signout_action)}">
<p class="sub">Không phải bạn? Hãy đăng xuất. / Not you? Sign out.</p>
<button type="submit" class="quiet">Đăng xuất · Sign out</button>
</form>
</main>
</body>
</html>
"""


def render_problem_page(title_vi: str, title_en: str) -> str:
    """A bare bilingual page for a refused request (wrong origin, database not ready)."""
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title_vi)}</title><style>{STYLE}</style></head><body><main>"
        f'<h1>{escape(title_vi)}<span class="sub">{escape(title_en)}</span></h1>'
        "</main></body></html>"
    )
