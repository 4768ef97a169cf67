"""Where the releases are: every folder under the given paths that holds a licence, a use policy
or a model card, read in the three layouts a company's disk holds them in.

- A plain folder (a vendor's drop, a registry's checkout): its files are named like a licence,
  a policy or a card (``roles.yaml``), or its README is a model card.
- The Hugging Face cache (``models--ORG--NAME/snapshots/REV/``, files symlinked into
  ``blobs/``): one release per repository, at the revision ``refs/main`` names, else the
  snapshot written last, as ``huggingface_hub`` leaves it.
- A hub clone: a README whose front matter carries card keys, next to ``LICENSE*`` or
  ``USE_POLICY*``; its revision is the commit ``.git/HEAD`` points at.

Discovery only lists names and reads READMEs' first lines: the contents are hashed by
:mod:`openness.scan.fingerprint` and read by the analysis.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Iterable, Iterator

from openness.analysis import release_files

#: The roles of files that make a folder a release by their names alone.
RELEASE_ROLES = frozenset({"license", "use_policy", "model_card", "data_card"})
#: Folder name prefix of a model repository in the Hugging Face cache.
HF_MODEL_PREFIX = "models--"
#: Folders of the Hugging Face cache and of version control that hold no release of their own.
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "blobs", ".locks", "__pycache__",
                             "node_modules"})
#: How much of a README is read to tell a model card by its front matter and headings.
CARD_HEAD_BYTES = 16_384


class Layout(StrEnum):
    """How the release was laid out on disk."""

    FOLDER = "folder"
    HF_CACHE = "hf-cache"
    HUB_CLONE = "hub-clone"


@dataclass(frozen=True, kw_only=True)
class FoundRelease:
    """One release found on disk: where it is, what it is called and which files it has."""

    #: The release's stable place, which keys its row: the folder, or for the Hugging Face
    #: cache the repository's folder (``models--ORG--NAME``), the same across revisions.
    location: str
    #: ``ORG/NAME`` in the Hugging Face cache, else the folder's name.
    name: str
    #: The commit of a Hugging Face snapshot or a git clone, when known.
    revision: str | None
    layout: Layout
    #: The folder the documents are read from (the snapshot, for the cache).
    folder: str
    #: The documents, in name order (as :func:`openness.analysis.release_files` lists them).
    files: tuple[str, ...]


def discover(paths: Iterable[str | Path]) -> Iterator[FoundRelease]:
    """Every release under ``paths``, each once, in path order. Paths that do not exist are
    the caller's to report (:func:`missing`)."""
    seen: set[str] = set()
    for path in paths:
        root = Path(path)
        if not root.is_dir():
            continue
        for found in _walk(root):
            if found.location not in seen:
                seen.add(found.location)
                yield found


def missing(paths: Iterable[str | Path]) -> list[str]:
    """The paths given that are not folders: a scan reads folders only."""
    return [str(p) for p in paths if not Path(p).is_dir()]


def _walk(root: Path) -> Iterator[FoundRelease]:
    for folder, subfolders, _ in os.walk(root):
        here = Path(folder)
        subfolders.sort()
        if here.name.startswith(HF_MODEL_PREFIX) and (here / "snapshots").is_dir():
            subfolders.clear()  # the snapshots are this repository's revisions, not releases
            found = hf_cache_release(here)
            if found is not None:
                yield found
            continue
        subfolders[:] = [s for s in subfolders
                         if s not in SKIPPED_FOLDERS and not s.startswith(".")]
        found = folder_release(here)
        if found is not None:
            yield found


def folder_release(folder: Path) -> FoundRelease | None:
    """The release a plain folder or hub clone holds, or ``None`` when it holds none."""
    from openness.roles import role_from_name

    files = release_files(folder)
    roles = {role_from_name(str(f)) for f in files}
    readme_card = any(role == "readme" for role in roles) and _readme_is_card(files)
    if not (roles & RELEASE_ROLES or readme_card):
        return None
    clone = readme_card and bool(roles & {"license", "use_policy"})
    return FoundRelease(
        location=str(folder.resolve()), name=folder.resolve().name,
        revision=git_revision(folder) if clone else None,
        layout=Layout.HUB_CLONE if clone else Layout.FOLDER,
        folder=str(folder), files=tuple(str(f) for f in files))


def hf_cache_release(repo: Path) -> FoundRelease | None:
    """The newest revision of one repository of the Hugging Face cache, ``None`` when it has
    no snapshot with a document."""
    snapshot = newest_snapshot(repo)
    if snapshot is None:
        return None
    files = release_files(snapshot)
    if not files:
        return None
    name = repo.name[len(HF_MODEL_PREFIX):].replace("--", "/", 1)
    return FoundRelease(location=str(repo.resolve()), name=name, revision=snapshot.name,
                        layout=Layout.HF_CACHE, folder=str(snapshot),
                        files=tuple(str(f) for f in files))


def newest_snapshot(repo: Path) -> Path | None:
    """The snapshot ``refs/main`` names (``huggingface_hub`` writes the commit hash there on
    every download from the main branch), else the one modified last."""
    snapshots = repo / "snapshots"
    ref = repo / "refs" / "main"
    if ref.is_file():
        commit = ref.read_text("utf-8", errors="replace").strip()
        if commit and (snapshots / commit).is_dir():
            return snapshots / commit
    revisions = [p for p in snapshots.iterdir() if p.is_dir()]
    return max(revisions, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def git_revision(folder: Path) -> str | None:
    """The commit a git clone's HEAD points at, read from ``.git`` without running git."""
    git = folder / ".git"
    try:
        head = (git / "HEAD").read_text("utf-8").strip()
    except OSError:
        return None
    if not head.startswith("ref: "):
        return head or None
    ref = head[len("ref: "):]
    try:
        return (git / ref).read_text("utf-8").strip() or None
    except OSError:
        pass
    try:
        packed = (git / "packed-refs").read_text("utf-8").splitlines()
    except OSError:
        return None
    return next((line.split()[0] for line in packed
                 if line.endswith(" " + ref) and not line.startswith("#")), None)


def _readme_is_card(files: list[Path]) -> bool:
    """A README is a model card when its head has card front matter or a card heading (the
    cues of ``roles.yaml``, applied by :func:`openness.roles.detect_role`)."""
    from openness.ingest.text import extract_metadata
    from openness.model import Document
    from openness.roles import detect_role, role_from_name

    for file in files:
        if role_from_name(str(file)) != "readme":
            continue
        try:
            with open(file, "rb") as handle:
                head = handle.read(CARD_HEAD_BYTES).decode("utf-8", errors="replace")
        except OSError:
            continue
        text, metadata = extract_metadata(head)
        doc = Document(path=str(file), text=text, format="md", sha256="", metadata=metadata)
        if detect_role(doc) == "model_card":
            return True
    return False
