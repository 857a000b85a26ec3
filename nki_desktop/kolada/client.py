"""A small client for Kolada's open API v3 (standard library only, no Qt).

Nothing here runs unless asked: the client is built and called by an explicit fetch. It goes
through ``urllib.request``, which honours the system's proxy (``HTTPS_PROXY``/``HTTP_PROXY``
and, on Windows, the registry's Internet settings); a proxy given in the program's settings
overrides them. Local addresses (127.0.0.1, localhost) never go through a proxy.

Every failure comes back as :class:`KoladaError` with a Swedish message saying what happened
and what to try; a cancelled fetch raises :class:`FetchCancelled` between requests.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from nki_desktop.domain.errors import UserError

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
MAX_IDS = 25  # ids (and years, and municipalities) per data request
MAX_YEARS = 25
PER_PAGE = 5000
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
RETRIES = 3  # retries after the first try, on 429, 5xx and connection resets
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

# kinds of failure (for tests and callers that react differently)
NO_NETWORK = "no_network"
PROXY = "proxy"
TIMEOUT = "timeout"
HTTP = "http"
BAD_RESPONSE = "bad_response"


class KoladaError(UserError):
    """A fetch that failed; ``str()`` is the Swedish message for the user."""

    def __init__(self, message: str, kind: str, url: str = ""):
        super().__init__(message)
        self.kind, self.url = kind, url


class FetchCancelled(Exception):
    """The user cancelled between two requests; nothing was stored."""


def chunks(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


@dataclass
class Response:
    url: str
    body: bytes
    data: dict[str, Any]


@dataclass
class FetchLog:
    """What was asked and answered: every URL and body, for provenance and the sha256."""

    responses: list[Response] = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [r.url for r in self.responses]


def _timed(
    base: type[http.client.HTTPConnection], connect: float, read: float
) -> Callable[..., http.client.HTTPConnection]:
    """A connection class whose connect (and TLS handshake) and reads have their own limits."""

    class Timed(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            self.timeout = connect
            super().connect()
            if self.sock is not None:
                self.sock.settimeout(read)

    return Timed


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, connect: float, read: float):
        super().__init__()
        self._cls = _timed(http.client.HTTPConnection, connect, read)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._cls, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, connect: float, read: float):
        super().__init__(context=ssl.create_default_context())
        self._cls = _timed(http.client.HTTPSConnection, connect, read)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._cls, req, context=self._context)  # type: ignore[attr-defined]


class KoladaClient:
    """GET JSON from Kolada with timeouts, retries with back-off and pagination.

    ``sleep`` is the back-off (injectable so tests need not wait); ``cancelled()`` is asked
    before every request and during back-off.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        proxy: str = "",
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        retries: int = RETRIES,
        sleep: Callable[[float], None] = time.sleep,
        cancelled: Callable[[], bool] = lambda: False,
    ):
        self.base_url = base_url.rstrip("/")
        self.proxy = proxy.strip()
        self.retries = retries
        self.sleep = sleep
        self.cancelled = cancelled
        self.log = FetchLog()
        host = urllib.parse.urlsplit(self.base_url).hostname or ""
        handlers: list[urllib.request.BaseHandler] = [
            _HTTPHandler(connect_timeout, read_timeout),
            _HTTPSHandler(connect_timeout, read_timeout),
        ]
        if host in _LOCAL_HOSTS:
            handlers.append(urllib.request.ProxyHandler({}))
        elif self.proxy:
            proxy_url = self.proxy if "://" in self.proxy else "http://" + self.proxy
            handlers.append(urllib.request.ProxyHandler({"http": proxy_url, "https": proxy_url}))
        # otherwise build_opener adds ProxyHandler() with the system's settings
        self._opener = urllib.request.build_opener(*handlers)
        self.system_proxy = (
            ""
            if host in _LOCAL_HOSTS or self.proxy
            else urllib.request.getproxies().get(urllib.parse.urlsplit(self.base_url).scheme, "")
        )

    # -- one request -----------------------------------------------------------------------
    def _check_cancel(self) -> None:
        if self.cancelled():
            raise FetchCancelled()

    def _wait(self, seconds: float) -> None:
        end = seconds
        while end > 0:  # in short steps so a cancel is seen during a long back-off
            self._check_cancel()
            step = min(end, 0.25)
            self.sleep(step)
            end -= step
        self._check_cancel()

    def get(self, url: str) -> Response:
        """One JSON document, retried on 429/5xx and dropped connections."""
        attempt = 0
        while True:
            self._check_cancel()
            try:
                body = self._fetch(url)
                break
            except _Retryable as retry:
                if attempt >= self.retries:
                    raise retry.final from None
                delay = retry.after if retry.after is not None else 2.0**attempt
                attempt += 1
                self._wait(min(delay, 30.0))
        try:
            data = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise KoladaError(
                "Kolada skickade ett svar som inte går att läsa (inte JSON). "
                "Inget har sparats. Försök igen senare; om felet kvarstår kan "
                "en proxy eller brandvägg ha bytt ut svaret.",
                BAD_RESPONSE,
                url,
            ) from None
        if not isinstance(data, dict):
            raise KoladaError(
                "Koladas svar har inte den form programmet väntar sig (ett "
                "objekt med 'values'). Inget har sparats.",
                BAD_RESPONSE,
                url,
            )
        response = Response(url, body, data)
        self.log.responses.append(response)
        return response

    def _fetch(self, url: str) -> bytes:
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": "NKI-Desktop (Kolada fetch)"}
        )
        try:
            with self._opener.open(request) as answer:
                return bytes(answer.read())
        except urllib.error.HTTPError as error:
            raise self._http_error(error, url) from None
        except urllib.error.URLError as error:
            raise self._network_error(error.reason, url) from None
        except TimeoutError as error:
            raise self._network_error(error, url) from None
        except (ConnectionError, http.client.HTTPException) as error:
            raise self._network_error(error, url) from None

    def _http_error(self, error: urllib.error.HTTPError, url: str) -> Exception:
        code = error.code
        if code == 407:
            return KoladaError(
                f"Proxyn {self._proxy_name()} kräver inloggning och släppte "
                "inte igenom frågan till Kolada (HTTP 407). Inget har sparats. "
                "Be IT om en proxy som programmet får använda och ange den "
                "under Inställningar.",
                PROXY,
                url,
            )
        host = urllib.parse.urlsplit(url).netloc
        final = KoladaError(
            f"Kolada ({host}) svarade med fel {code} ({error.reason}). "
            "Inget har sparats. Försök igen om en stund; fungerar det inte "
            "alls kan Koladas API ha ändrats.",
            HTTP,
            url,
        )
        if code == 429 or 500 <= code < 600:
            retry_after = error.headers.get("Retry-After") if error.headers else None
            try:
                after = float(retry_after) if retry_after else None
            except ValueError:
                after = None
            if code == 429:
                final = KoladaError(
                    "Kolada tar inte emot fler frågor just nu (HTTP 429, för "
                    "många förfrågningar). Inget har sparats. Vänta en stund "
                    "och försök igen.",
                    HTTP,
                    url,
                )
            return _Retryable(final, after)
        return final

    def _network_error(self, reason: object, url: str) -> Exception:
        host = urllib.parse.urlsplit(url).hostname or url
        if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
            return KoladaError(
                f"Kolada ({host}) svarade inte i tid. Inget har sparats. "
                "Försök igen senare; en långsam eller strypt förbindelse kan "
                "vara orsaken.",
                TIMEOUT,
                url,
            )
        if isinstance(
            reason,
            (
                ConnectionResetError,
                ConnectionAbortedError,
                http.client.RemoteDisconnected,
                http.client.IncompleteRead,
            ),
        ):
            final = KoladaError(
                f"Förbindelsen med Kolada ({host}) bröts upprepade gånger. "
                "Inget har sparats. Försök igen senare.",
                NO_NETWORK,
                url,
            )
            return _Retryable(final, None)
        proxy = self._proxy_name()
        if proxy:
            return KoladaError(
                f"Proxyn {proxy} gick inte att nå eller vägrade förbindelsen "
                f"({_reason_text(reason)}). Inget har sparats. Kontrollera "
                "proxyinställningen (Inställningar, eller datorns "
                "Internetinställningar) eller fråga IT.",
                PROXY,
                url,
            )
        return KoladaError(
            f"Ingen förbindelse med Kolada ({host}): {_reason_text(reason)}. "
            "Inget har sparats. Kontrollera att datorn är ansluten till "
            "internet och försök igen.",
            NO_NETWORK,
            url,
        )

    def _proxy_name(self) -> str:
        proxy = self.proxy or self.system_proxy
        if not proxy:
            return ""
        parts = urllib.parse.urlsplit(proxy if "://" in proxy else "http://" + proxy)
        return parts.netloc.rsplit("@", 1)[-1] or proxy  # never show a password

    # -- paged lists -----------------------------------------------------------------------
    def pages(self, url: str) -> Iterator[Response]:
        """Every page of a list, following ``next_url`` (or ``next_page``) until done."""
        seen: set[str] = set()
        while url:
            if url in seen:
                raise KoladaError(
                    "Kolada skickade samma sida två gånger; hämtningen avbröts. Inget har sparats.",
                    BAD_RESPONSE,
                    url,
                )
            seen.add(url)
            response = self.get(url)
            yield response
            url = next_url(url, response.data)

    def url(self, path: str, **query: object) -> str:
        text = urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        return f"{self.base_url}/{path.lstrip('/')}" + (f"?{text}" if text else "")

    def data_urls(
        self, ids: Sequence[str], years: Sequence[int], municipalities: Sequence[str] = ()
    ) -> list[str]:
        """The first page of every data request: at most 25 ids, years and municipalities."""
        urls = []
        for id_part in chunks(sorted(ids), MAX_IDS):
            for year_part in chunks(sorted(years), MAX_YEARS):
                kpis, yrs = ",".join(id_part), ",".join(str(y) for y in year_part)
                if municipalities:
                    for mun_part in chunks(sorted(municipalities), MAX_IDS):
                        urls.append(
                            self.url(
                                f"data/kpi/{kpis}/municipality/{','.join(mun_part)}/year/{yrs}",
                                per_page=PER_PAGE,
                            )
                        )
                else:
                    urls.append(self.url(f"data/kpi/{kpis}/year/{yrs}", per_page=PER_PAGE))
        return urls

    def municipalities(self) -> list[dict[str, Any]]:
        """Kolada's list of municipalities and regions (``/municipality``)."""
        rows: list[dict[str, Any]] = []
        for response in self.pages(self.url("municipality", per_page=PER_PAGE)):
            rows.extend(_values(response))
        return rows


class _Retryable(Exception):
    def __init__(self, final: KoladaError, after: float | None):
        super().__init__(str(final))
        self.final, self.after = final, after


def _reason_text(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "namnet gick inte att slå upp (inget nät eller ingen DNS)"
    if isinstance(reason, ConnectionRefusedError):
        return "anslutningen nekades"
    if isinstance(reason, OSError) and reason.errno in (101, 113):  # unreachable
        return "nätverket går inte att nå"
    if isinstance(reason, ssl.SSLError):
        return "säker förbindelse (TLS) misslyckades"
    return str(reason) or reason.__class__.__name__


def _values(response: Response) -> list[dict[str, Any]]:
    values = response.data.get("values")
    if not isinstance(values, list):
        raise KoladaError(
            "Koladas svar saknar listan 'values'. Inget har sparats.", BAD_RESPONSE, response.url
        )
    return [v for v in values if isinstance(v, dict)]


def next_url(current: str, data: dict[str, Any]) -> str:
    """The next page's address from ``next_url``, or ``next_page`` (an address or a number)."""
    nxt = data.get("next_url") or data.get("next_page")
    if not nxt:
        return ""
    if isinstance(nxt, int) or (isinstance(nxt, str) and nxt.isdigit()):
        parts = urllib.parse.urlsplit(current)
        query = dict(urllib.parse.parse_qsl(parts.query))
        query["page"] = str(nxt)
        return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
    return urllib.parse.urljoin(current, str(nxt))


def values_of(response: Response) -> list[dict[str, Any]]:
    return _values(response)
