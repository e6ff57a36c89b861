"""A preview whose rebuild fails says why on every page in the browser.

MkDocs only prints a failed rebuild in the terminal, which editors do not watch, and then holds
every page request until a rebuild succeeds ("the server will appear stuck"): an editor who saved a
typo in a deputy's file saw the browser hang. Here the failure is kept, the browser reloads as
after any rebuild, and each HTML page served shows the problems above the last good version of the
site, until a rebuild succeeds."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.exceptions import MkDocsException

log = logging.getLogger("mkdocs.plugins.congress")

StartResponse = Callable[..., Any]
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

_STYLE = (
    "position:fixed;top:0;left:0;right:0;z-index:10000;max-height:70vh;overflow:auto;"
    "background:#fff5f5;color:#5a0d0d;border-bottom:4px solid #b3261e;"
    "padding:1rem 1.25rem;font:1.1rem/1.7 system-ui,sans-serif;box-shadow:0 2px 8px #0003"
)
_PRE_STYLE = "white-space:pre-wrap;margin:.75rem 0 0;font-size:1rem;color:#222"


class FailedBuild:
    """What the last rebuild of the preview stopped on, or None when it succeeded."""

    def __init__(self) -> None:
        self.message: str | None = None


def failure_text(error: BaseException, logged: list[str]) -> str:
    """What the editor needs to read: MkDocs stops a build that a plugin refused with "Aborted
    with a BuildError!" after logging the plugin's own message, so the logged errors come first.
    An error that is not MkDocs's or a plugin's is a fault of the program, named as such."""
    if logged:
        return "\n".join(logged)
    if isinstance(error, MkDocsException):
        return str(error)
    return f"程序出错（{type(error).__name__}: {error}）。请把终端中的信息发给技术人员。"


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def banner(message: str) -> bytes:
    return (
        f'<div role="alert" id="congress-preview-failed" style="{_STYLE}">'
        "<strong>预览没有更新：网站生成失败。</strong>"
        "改正下面的问题并保存，页面会自动刷新；在此之前看到的是上一次生成成功的网站。"
        f'<pre style="{_PRE_STYLE}">{html.escape(message)}</pre></div>'
    ).encode()


def with_banner(app: App, failed: FailedBuild) -> App:
    """`app`, with the banner put into each HTML page while `failed` holds a message."""

    def serve(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        message = failed.message
        if message is None:
            return app(environ, start_response)
        held: list[Any] = []

        def hold(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            held[:] = [status, headers, *rest]

        body = app(environ, hold)
        status, headers, *rest = held
        if not any(k.lower() == "content-type" and "text/html" in v for k, v in headers):
            start_response(status, headers, *rest)
            return body
        try:
            content = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        at = content.rfind(b"</body>")
        at = len(content) if at < 0 else at
        content = content[:at] + banner(message) + content[at:]
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(content)))], *rest)
        return [content]

    return serve


def show_failures(server: Any) -> FailedBuild:
    """Makes `server` (MkDocs's LiveReloadServer) keep a failed rebuild and show it in pages.
    Every congress plugin calls it from `on_serve`; the first call does it."""
    shown = getattr(server, "congress_failed_build", None)
    if isinstance(shown, FailedBuild):
        return shown
    failed = server.congress_failed_build = FailedBuild()
    build = server.builder

    def rebuild() -> None:
        errors = _Errors()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(errors)
        try:
            build()
        except Exception as error:  # every failure is shown, and the server goes on
            failed.message = failure_text(error, errors.messages)
            if not isinstance(error, MkDocsException):
                log.exception("预览没有更新：程序出错")
            return
        finally:
            logger.removeHandler(errors)
        failed.message = None

    server.builder = rebuild
    server.set_app(with_banner(server.get_app(), failed))
    return failed
