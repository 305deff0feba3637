"""A Telegram Desktop export (result.json) written for the tests, in the project's own words.

`make_export` builds a channel of a few hundred messages shaped like a real export: plain text,
text as entity lists (bold, links, hashtags, mentions), forwards, replies, edits, captions on
photos, photos and stickers without text, and service messages. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

START = datetime(2021, 3, 1, 6, 0, tzinfo=UTC)

ACTS = (
    "Our observers report that {a} has sent {thing} to {b}.",
    "Two sources in the capital say {a} delivered {thing} to {b} last week.",
    "{a} denied sending {thing} to {b}.",
    "A convoy with {thing} crossed from {a} into {b} overnight, local residents told us.",
    "{a} is training soldiers from {b} at a base near the border.",
    "Officials in {b} thanked {a} for its support but gave no details.",
)
THINGS = ("armoured vehicles", "artillery shells", "drones", "rifles", "trucks", "radar sets")
ACTORS = ("Turkey", "Russia", "Iran", "Azerbaijan", "Armenia", "Georgia")
CHATTER = (
    "Quiet night along most of the line.",
    "Air raid sirens in the east of the city for about twenty minutes.",
    "We are checking a video that circulates since the morning.",
    "Correction to the previous post: the village is south of the river, not north.",
    "Thank you to everyone who sent photographs today.",
)


@dataclass
class Made:
    """The export and what the tests expect of it."""

    export: dict[str, Any]
    texts: dict[int, str] = field(default_factory=dict)  # message id -> flattened text
    dates: dict[int, str] = field(default_factory=dict)  # message id -> UTC date (ISO)
    forwards: dict[int, str] = field(default_factory=dict)  # message id -> original channel
    replies: dict[int, int] = field(default_factory=dict)  # message id -> parent id
    edited: set[int] = field(default_factory=set)
    media_only: set[int] = field(default_factory=set)
    service: set[int] = field(default_factory=set)


def _entities(rng: random.Random, text: str) -> list[dict[str, Any]]:
    """Split a text into Telegram entities: a bold opening, a link, a trailing hashtag."""
    words = text.split(" ")
    cut = rng.randint(1, max(1, len(words) // 3))
    head, rest = " ".join(words[:cut]), " " + " ".join(words[cut:])
    parts: list[dict[str, Any]] = [
        {"type": "bold", "text": head},
        {"type": "plain", "text": rest[: len(rest) // 2]},
        {"type": "text_link", "text": rest[len(rest) // 2 :], "href": "https://maps.example/p"},
    ]
    parts.append({"type": "plain", "text": " "})
    parts.append({"type": "hashtag", "text": "#frontline"})
    return parts


def _text_field(entities: list[dict[str, Any]]) -> list[Any]:
    """The export's `text`: plain parts as strings, the rest as objects."""
    return [e["text"] if e["type"] == "plain" else dict(e) for e in entities]


def make_export(
    *,
    name: str = "Border Diary",
    kind: str = "public_channel",
    channel_id: int = 1_700_000_001,
    count: int = 300,
    seed: int = 7,
    forwarded_from: str = "Steppe Signal",
    forwarded_texts: Mapping[int, str] | None = None,
) -> Made:
    """`count` messages; `forwarded_texts` puts given texts in as forwards at given ids."""
    rng = random.Random(seed)
    made = Made(export={"name": name, "type": kind, "id": channel_id, "messages": []})
    messages: list[dict[str, Any]] = made.export["messages"]
    when = START
    for msg_id in range(1, count + 1):
        when += timedelta(minutes=rng.randint(20, 400))
        base: dict[str, Any] = {
            "id": msg_id,
            "type": "message",
            "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
            "date_unixtime": str(int(when.timestamp())),
            "from": name,
            "from_id": f"channel{channel_id}",
        }
        roll = rng.random()
        if forwarded_texts and msg_id in forwarded_texts:
            roll = max(roll, 0.5)  # a forward asked for is a text message
        if msg_id == 1 or roll < 0.04:
            base.update(type="service", actor=name, action="pin_message", text="")
            base["text_entities"] = []
            if msg_id == 1:
                base["action"] = "create_channel"
            messages.append(base)
            made.service.add(msg_id)
            continue
        if roll < 0.14:
            media = rng.choice(
                [{"photo": f"photos/photo_{msg_id}.jpg"}, {"media_type": "sticker", "file": "x"}]
            )
            base.update(media, text="", text_entities=[])
            messages.append(base)
            made.media_only.add(msg_id)
            continue
        if forwarded_texts and msg_id in forwarded_texts:
            text = forwarded_texts[msg_id]
            base.update(forwarded_from=forwarded_from, text=text)
            base["text_entities"] = [{"type": "plain", "text": text}]
            made.forwards[msg_id] = forwarded_from
        else:
            a, b = rng.sample(ACTORS, 2)
            text = (
                rng.choice(ACTS).format(a=a, b=b, thing=rng.choice(THINGS))
                if roll < 0.7
                else rng.choice(CHATTER)
            )
            text = f"{text} (post {msg_id})"  # every post its own text
            if roll < 0.35:
                entities = _entities(rng, text)
                text = "".join(e["text"] for e in entities)
                base.update(text=_text_field(entities), text_entities=entities)
            else:
                base.update(text=text, text_entities=[{"type": "plain", "text": text}])
            if 0.60 <= roll < 0.64:
                base["photo"] = f"photos/photo_{msg_id}.jpg"  # a caption: kept
            if 0.64 <= roll < 0.70 and not forwarded_texts:
                base["forwarded_from"] = forwarded_from
                made.forwards[msg_id] = forwarded_from
        if 0.70 <= roll < 0.78 and msg_id > 2:
            parent = rng.randint(1, msg_id - 1)
            base["reply_to_message_id"] = parent
            made.replies[msg_id] = parent
        if roll >= 0.95:
            edit = when + timedelta(minutes=15)
            base["edited"] = edit.strftime("%Y-%m-%dT%H:%M:%S")
            base["edited_unixtime"] = str(int(edit.timestamp()))
            made.edited.add(msg_id)
        messages.append(base)
        made.texts[msg_id] = text
        made.dates[msg_id] = when.date().isoformat()
    return made
