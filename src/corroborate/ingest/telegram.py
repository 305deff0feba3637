"""Telegram Desktop exports (`result.json`, machine-readable JSON) to one raw input per message.

A message's outlet is its channel; a forwarded post is the original channel's post, credited to
that channel (a copy, which counts once, as a reprinted wire story does). Text entities (bold,
links, mentions, ...) are flattened to the text Telegram shows, so offsets into it are the
offsets a reader of the channel sees. Service messages and media without text are skipped and
counted, never failed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from corroborate.ingest.errors import InputError
from corroborate.model import IngestFailure, Metadata, RawInput, Skipped

FORMAT = "telegram"
PUBLIC_TYPES = ("public_channel", "public_supergroup")
# keys a message carries when it holds a photo, video, file, sticker, poll, place or contact
MEDIA_KEYS = (
    "photo",
    "file",
    "media_type",
    "sticker_emoji",
    "poll",
    "location_information",
    "contact_information",
    "place_name",
)
TITLE_CHARS = 90
SNIFF = 4096

Item = RawInput | IngestFailure | Skipped


def is_telegram_export(path: Path) -> bool:
    """Whether a .json file found in a folder looks like a Telegram Desktop export."""
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and (b'"messages"' in head or b'"chats"' in head)


def flatten_text(value: Any) -> str:
    """The plain text of a message's `text` or `text_entities`: every part's text, in order.

    Link targets (`href`) and user ids are dropped, never inserted, so nothing shifts.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
            else:
                raise InputError(f"text part {part!r:.40} is neither text nor an entity")
        return "".join(parts)
    raise InputError(f"text is a {type(value).__name__}, expected text or a list of entities")


def _message_text(message: Mapping[str, Any]) -> str:
    """The entities' text (newer exports), else the `text` field (older ones, or no entities)."""
    entities = message.get("text_entities")
    flat = flatten_text(entities) if isinstance(entities, list) else ""
    return flat or flatten_text(message.get("text"))


def _when(message: Mapping[str, Any], key: str) -> date | None:
    """The UTC date of `key` (date_unixtime is exact; the local `date` string is a fallback)."""
    stamp = message.get(f"{key}_unixtime")
    if isinstance(stamp, str | int) and str(stamp).isdigit():
        return datetime.fromtimestamp(int(stamp), tz=UTC).date()
    text = message.get(key)
    if isinstance(text, str) and text:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise InputError(f"{key} {text!r} is not an ISO date") from None
    return None


@dataclass(frozen=True, slots=True)
class Channel:
    name: str
    kind: str
    id: str
    username: str | None

    def permalink(self, message_id: int) -> str | None:
        return f"https://t.me/{self.username}/{message_id}" if self.username else None


def _title(text: str, notes: list[str]) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) > TITLE_CHARS:
        first = first[: TITLE_CHARS - 1].rstrip() + "…"
    return " ".join([f"[{'; '.join(notes)}]", first]) if notes else first


def message_to_raw(
    message: Mapping[str, Any], *, channel: Channel, origin: str, max_bytes: int
) -> RawInput | Skipped:
    """One message as a raw input, or why it was skipped. Raises InputError when malformed."""
    kind = message.get("type", "message")
    if kind != "message":
        return Skipped(origin, f"service message ({message.get('action') or kind})")
    text = _message_text(message)
    if not text.strip():
        media = next((k for k in MEDIA_KEYS if message.get(k)), None)
        reason = "media only" if media else "empty message"
        return Skipped(origin, f"{reason}{f' ({media})' if media else ''}")
    if len(text.encode("utf-8")) > max_bytes:
        raise InputError(f"message is over the {max_bytes:,} byte cap")
    msg_id = message["id"]
    notes: list[str] = []
    source = channel.name
    forwarded = message.get("forwarded_from")
    if "forwarded_from" in message:
        if isinstance(forwarded, str) and forwarded.strip():
            source = forwarded.strip()  # the original channel speaks; this channel relays it
            notes.append(f"forwarded by {channel.name}")
        else:
            notes.append("forwarded from a hidden account")
    reply = message.get("reply_to_message_id")
    if isinstance(reply, int):
        parent = channel.permalink(reply)
        notes.append(f"reply to {parent or f'message {reply}'}")
    edited = _when(message, "edited")
    if edited is not None:
        notes.append(f"edited {edited.isoformat()}")
    signed = message.get("author")
    meta = Metadata(
        source=source,
        url=channel.permalink(msg_id),
        title=_title(text, notes),
        author=signed if isinstance(signed, str) and signed.strip() else None,
        published=_when(message, "date"),
        external_id=f"telegram:{channel.id}:{msg_id}",
    )
    return RawInput(origin=origin, text=text, format=FORMAT, meta=meta)


def _chats(data: Any) -> list[Mapping[str, Any]]:
    """One chat export, or every chat of a whole-account export."""
    if not isinstance(data, dict):
        raise InputError("not a Telegram Desktop export (expected a JSON object)")
    if isinstance(data.get("messages"), list):
        return [data]
    chats = data.get("chats")
    if isinstance(chats, dict) and isinstance(chats.get("list"), list):
        return [c for c in chats["list"] if isinstance(c, dict)]
    raise InputError("not a Telegram Desktop export (no `messages` list and no `chats`)")


def _channel(chat: Mapping[str, Any], usernames: Mapping[str, str]) -> Channel:
    name = chat.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError("the export has no channel `name`")
    kind = str(chat.get("type") or "")
    username = usernames.get(name.strip()) if kind in PUBLIC_TYPES else None
    return Channel(name.strip(), kind, str(chat.get("id", name.strip())), username)


def read_telegram(
    path: Path, *, max_bytes: int, usernames: Mapping[str, str] | None = None
) -> Iterator[Item]:
    """Every message of a Telegram Desktop export; a bad message fails alone, named by its id.

    `usernames` maps channel names to their public t.me names (from sources.yaml), which give
    each message of a public channel its permalink.
    """
    try:
        data = json.loads(path.read_bytes())
    except json.JSONDecodeError as exc:
        yield IngestFailure(
            str(path), f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        )
        return
    except UnicodeDecodeError:
        yield IngestFailure(str(path), "not UTF-8 JSON (Telegram exports are UTF-8)")
        return
    try:
        chats = _chats(data)
    except InputError as exc:
        yield IngestFailure(str(path), exc.reason)
        return
    for chat in chats:
        try:
            channel = _channel(chat, usernames or {})
        except InputError as exc:
            yield IngestFailure(str(path), exc.reason)
            continue
        where = str(path) if len(chats) == 1 else f"{path}:{channel.name}"
        messages = chat.get("messages")
        for position, message in enumerate(messages if isinstance(messages, list) else []):
            msg_id = message.get("id") if isinstance(message, dict) else None
            origin = f"{where}:message {msg_id if isinstance(msg_id, int) else f'#{position}'}"
            try:
                if not isinstance(message, dict) or not isinstance(msg_id, int):
                    raise InputError("message is not an object with a numeric `id`")
                yield message_to_raw(message, channel=channel, origin=origin, max_bytes=max_bytes)
            except InputError as exc:
                yield IngestFailure(origin, exc.reason)
