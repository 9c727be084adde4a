"""Reading what a user uploads: .txt, .csv/.jsonl tables and .zip archives of them, within stated limits."""

from __future__ import annotations

import contextlib
import io
import struct
import zipfile
from pathlib import Path, PurePosixPath

from qawl.corpus import (
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    Document,
    Warn,
    display_name,
    is_hidden,
    read_items,
    unique_ids,
)

MB = 2**20
MAX_UPLOAD_MB = 50  # all files of one upload together, as sent
MAX_EXPANDED_MB = 200  # all members of the upload's zips together, once decompressed
MAX_ZIP_MEMBERS = 10_000
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * MB
MAX_EXPANDED_BYTES = MAX_EXPANDED_MB * MB
UPLOAD_TYPES = ("txt", "csv", "jsonl", "zip")  # for a file picker's accepted extensions
MEMBER_SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES
_CHUNK = MB
_LISTED = 3  # skipped zip members named in the message; the rest are counted
_EOCD = b"PK\x05\x06"
_UTF8_NAMES = 0x800
_ENCRYPTED = 0x1


def limits_text() -> str:
    """Return the upload limits in words, for the upload widget to state."""
    return (f"up to {MAX_UPLOAD_MB} MB per upload; a .zip may hold up to {MAX_EXPANDED_MB} MB of text "
            f"in up to {MAX_ZIP_MEMBERS:,} files")


class _Budget:
    """Bytes that the zips of one upload may still expand to."""

    def __init__(self, limit: int):
        self.limit, self.left = limit, limit


class _Oversized(Exception):
    """A zip member that decompresses to more than it declared."""


def _declared_entries(data: bytes) -> int:
    """Return the member count an archive's end record declares (-1 when it cannot tell), before parsing it."""
    pos = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if pos < 0 or pos + 22 > len(data):
        return -1
    (entries,) = struct.unpack("<H", data[pos + 10 : pos + 12])
    return -1 if entries == 0xFFFF else entries  # 0xFFFF: a ZIP64 archive keeps the count elsewhere


def _member_name(info: zipfile.ZipInfo) -> str:
    """Return a member's path with / between its folders (Windows tools write \\), recovering UTF-8 names that
    were stored without the UTF-8 flag. Nothing is written to disk, so a name climbing out (..\\x.txt) is only
    a name."""
    name = info.filename
    if not info.flag_bits & _UTF8_NAMES:
        with contextlib.suppress(UnicodeError):
            name = name.encode("cp437").decode("utf-8")
    return name.replace("\\", "/")


def _expand(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """Return a member's bytes, read in chunks and never beyond its declared size or the budget."""
    cap = min(info.file_size, budget.left)
    chunks, total = [], 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            total += len(chunk)
            if total > cap:
                raise _Oversized
            chunks.append(chunk)
    budget.left -= total
    return b"".join(chunks)


def _reason(exc: Exception) -> str:
    """Return an exception as a short one-line reason (zip errors may quote hostile member names)."""
    return display_name((" ".join(str(exc).split()) or type(exc).__name__)[:150])


def _skipped_members(shown: str, names: list[str], reason: str, warn: Warn) -> None:
    if names:
        listed = ", ".join(display_name(n) for n in names[:_LISTED])
        more = f" and {len(names) - _LISTED} more" if len(names) > _LISTED else ""
        files = "1 file" if len(names) == 1 else f"{len(names)} files"
        warn(f"{shown}: {files} skipped ({reason}): {listed}{more}")


def _read_zip(name: str, data: bytes, warn: Warn, budget: _Budget) -> list[Document]:
    shown = display_name(name)
    entries = _declared_entries(data)
    if entries > MAX_ZIP_MEMBERS:
        warn(f"{shown}: refused ({entries:,} files in the archive; the limit is {MAX_ZIP_MEMBERS:,})")
        return []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # zipfile meets a damaged directory with many kinds of error, not only BadZipFile
        warn(f"{shown}: skipped (not a readable .zip: {_reason(exc)})")
        return []
    with archive:
        files = [(i, _member_name(i)) for i in archive.infolist() if not i.filename.endswith("/")]
        if len(files) > MAX_ZIP_MEMBERS:
            warn(f"{shown}: refused ({len(files):,} files in the archive; the limit is {MAX_ZIP_MEMBERS:,})")
            return []
        files = [(i, n) for i, n in files if not is_hidden(PurePosixPath(n))]
        wanted = [(i, n) for i, n in files if PurePosixPath(n).suffix.lower() in MEMBER_SUFFIXES]
        others = [n for _, n in files if PurePosixPath(n).suffix.lower() not in MEMBER_SUFFIXES]
        _skipped_members(shown, others, "not .txt, .csv or .jsonl", warn)
        declared = sum(i.file_size for i, _ in wanted)
        if declared > budget.left:
            limit = f"{budget.limit / MB:.0f} MB" + (" for the whole upload" if budget.left < budget.limit else "")
            warn(f"{shown}: refused (would expand to {declared / MB:,.1f} MB; the limit is {limit})")
            return []
        items = []
        for info, member in wanted:
            where = f"{shown}/{display_name(member)}"
            if info.flag_bits & _ENCRYPTED:
                warn(f"{where}: skipped (encrypted)")
                continue
            try:
                items.append((f"{name}/{member}", _expand(archive, info, budget)))
            except _Oversized:
                warn(f"{where}: skipped (expands beyond its declared {info.file_size:,} bytes)")
            except Exception as exc:  # damaged or exotic members come in many kinds; one must not sink the rest
                warn(f"{where}: skipped (damaged in the archive: {type(exc).__name__}: {_reason(exc)})")
    return read_items(items, warn)


def _read(name: str, data: bytes, warn: Warn, budget: _Budget) -> list[Document]:
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        return _read_zip(name, data, warn, budget)
    if suffix in MEMBER_SUFFIXES:
        return read_items([(name, data)], warn)
    warn(f"{display_name(name)}: skipped (not a .txt, .csv, .jsonl or .zip file)")
    return []


def read_upload(name: str, data: bytes, warn: Warn) -> list[Document]:
    """Return the documents of one uploaded file (.txt, .csv, .jsonl or .zip); what cannot be read is warned."""
    return unique_ids(_read(name, data, warn, _Budget(MAX_EXPANDED_BYTES)))


def read_uploads(
    files: list[tuple[str, bytes]], warn: Warn, *, max_bytes: int = MAX_UPLOAD_BYTES,
    max_expanded: int = MAX_EXPANDED_BYTES,
) -> list[Document]:
    """Return the documents of an upload of several files; a metadata.csv among them describes the .txt files."""
    accepted: list[tuple[str, bytes]] = []
    total = 0
    for name, data in files:
        if total + len(data) > max_bytes:
            warn(f"{display_name(name)}: skipped ({len(data) / MB:,.1f} MB would pass the upload limit of "
                 f"{max_bytes / MB:.0f} MB)")
            continue
        total += len(data)
        accepted.append((name, data))
    loose = [(n, d) for n, d in accepted if Path(n).suffix.lower() in MEMBER_SUFFIXES]
    has_articles = any(Path(n).suffix.lower() in TEXT_SUFFIXES for n, _ in loose)
    for name, _ in loose:
        if Path(name).name.lower() == "metadata.csv" and not has_articles:
            warn(f"{display_name(name)}: ignored (a metadata.csv describes .txt articles uploaded with it)")
    docs = read_items(loose, warn) if loose else []
    budget = _Budget(max_expanded)
    for name, data in accepted:
        if Path(name).suffix.lower() not in MEMBER_SUFFIXES:
            docs.extend(_read(name, data, warn, budget))
    return unique_ids(docs)
