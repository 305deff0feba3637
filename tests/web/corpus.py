"""A small hand-written corpus for the web tests, including a hostile document."""

from __future__ import annotations

import json
from pathlib import Path

SOURCES = """\
sources:
  - name: North Wire
    domains: [north-wire.example]
    kind: wire
    affiliation: wire
  - name: Anka Daily
    domains: [anka-daily.example]
    kind: state_media
    affiliation: turkish_state
  - name: Lakeside Post
    domains: [lakeside-post.example]
    kind: independent
    affiliation: international_independent
  - name: "<script>alert('outlet')</script>"
    domains: [evil.example]
    kind: independent
    affiliation: evil
"""

XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

DOCUMENTS = {
    "a-wire.md": """---
title: "Turkey sent drones to Azerbaijan, officials say"
source: North Wire
date: 2020-10-02
url: https://north-wire.example/2020/10/02/drones
---
Turkey supplied Bayraktar drones to Azerbaijan, Armenian officials said on Friday.
Ankara denied sending any weapons to Azerbaijan.
""",
    "b-lakeside.md": """---
title: "Drones over Karabakh"
source: Lakeside Post
date: 2020-10-05
url: https://lakeside-post.example/drones
---
Satellite images reviewed by independent analysts show that Turkey delivered Bayraktar TB2 drones
to Azerbaijan in September. Russia reportedly sent fighters to Armenia, according to a monitor.
""",
    "c-anka.md": """---
title: "Ankara rejects claims"
source: Anka Daily
date: 2020-10-06
url: https://anka-daily.example/rejects
---
Turkey denied that it had sent mercenaries to Azerbaijan. Armenia accused Turkey of sending
Syrian fighters to Azerbaijan, which Ankara denied.
""",
    "d-hostile.md": f"""---
title: {json.dumps(XSS + " Turkey armed Azerbaijan")}
source: "<script>alert('outlet')</script>"
date: 2020-10-07
url: "javascript:alert(document.cookie)"
---
{XSS} Turkey supplied F-16 jets to Azerbaijan, Armenia said. </div></textarea>{XSS}
<a href="javascript:window.__pwned=3">click</a> "><svg onload="window.__pwned=4">
""",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    articles = folder / "articles"
    articles.mkdir(exist_ok=True)
    for name, text in DOCUMENTS.items():
        (articles / name).write_text(text, encoding="utf-8")
    return articles
