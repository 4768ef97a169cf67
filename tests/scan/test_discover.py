"""Finding releases: plain folders, the Hugging Face cache and hub clones."""

from __future__ import annotations

import os
from pathlib import Path

from openness.scan.discover import Layout, discover, missing

CARD = "---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n# Tiny model\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_a_folder_with_a_licence_policy_or_card_is_a_release(tmp_path):
    write(tmp_path / "a" / "LICENSE.txt", "Licence text")
    write(tmp_path / "b" / "USE_POLICY.md", "# Acceptable use policy")
    write(tmp_path / "c" / "MODEL_CARD.md", "# Model card")
    write(tmp_path / "d" / "notes.txt", "nothing of a release")
    found = list(discover([tmp_path]))
    assert [f.name for f in found] == ["a", "b", "c"]
    assert {f.layout for f in found} == {Layout.FOLDER}
    assert found[0].files == (str(tmp_path / "a" / "LICENSE.txt"),)


def test_a_readme_is_a_release_only_when_it_is_a_model_card(tmp_path):
    write(tmp_path / "code" / "README.md", "# A library\n\nInstall it with pip.\n")
    write(tmp_path / "card" / "README.md", CARD)
    write(tmp_path / "heading" / "README.md", "# Kite\n\n## Training data\n\nWeb text.\n")
    assert [f.name for f in discover([tmp_path])] == ["card", "heading"]


def test_a_hub_clone_has_its_commit_as_revision(tmp_path):
    clone = tmp_path / "tiny"
    write(clone / "README.md", CARD)
    write(clone / "LICENSE", "Licence text")
    write(clone / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(clone / ".git" / "refs" / "heads" / "main", "0123abcd" * 5 + "\n")
    write(clone / ".git" / "LICENSE", "not a release: inside .git")
    [found] = discover([tmp_path])
    assert (found.layout, found.name, found.revision) == (Layout.HUB_CLONE, "tiny", "0123abcd" * 5)


def test_a_hub_clone_reads_packed_refs(tmp_path):
    clone = tmp_path / "tiny"
    write(clone / "README.md", CARD)
    write(clone / "USE_POLICY.md", "# Acceptable use policy")
    write(clone / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(clone / ".git" / "packed-refs", "# pack-refs with: peeled\n" + "f" * 40 + " refs/heads/main\n")
    [found] = discover([tmp_path])
    assert found.revision == "f" * 40


def hf_repo(root: Path, name: str, revisions: list[str], main: str | None) -> Path:
    repo = root / f"models--{name.replace('/', '--')}"
    for age, revision in enumerate(revisions):
        blob = write(repo / "blobs" / f"blob{age}", f"{CARD}\nrevision {revision}\n")
        snapshot = repo / "snapshots" / revision
        snapshot.mkdir(parents=True)
        (snapshot / "README.md").symlink_to(os.path.relpath(blob, snapshot))
        write(snapshot / "model.safetensors", "weights are not documents")
        os.utime(snapshot, (1_000_000 + age, 1_000_000 + age))
    if main is not None:
        write(repo / "refs" / "main", main)
    return repo


def test_the_hf_cache_gives_one_release_per_repository_at_refs_main(tmp_path):
    repo = hf_repo(tmp_path, "acme/tiny-7b", ["a" * 40, "b" * 40], main="a" * 40)
    [found] = discover([tmp_path])
    assert (found.layout, found.name, found.revision) == (Layout.HF_CACHE, "acme/tiny-7b", "a" * 40)
    assert found.location == str(repo.resolve())
    assert [Path(f).name for f in found.files] == ["README.md"]
    assert "revision " + "a" * 40 in Path(found.files[0]).read_text()


def test_without_refs_main_the_newest_snapshot_is_read(tmp_path):
    hf_repo(tmp_path, "acme/tiny", ["b" * 40, "a" * 40], main=None)
    [found] = discover([tmp_path])
    assert found.revision == "a" * 40  # written last, whatever its name


def test_a_repository_name_without_organisation(tmp_path):
    hf_repo(tmp_path, "gpt2", ["c" * 40], main="c" * 40)
    assert [f.name for f in discover([tmp_path])] == ["gpt2"]


def test_paths_given_twice_give_each_release_once(tmp_path):
    write(tmp_path / "a" / "LICENSE", "Licence text")
    assert len(list(discover([tmp_path, tmp_path / "a", tmp_path]))) == 1


def test_paths_that_are_not_folders_are_reported(tmp_path):
    write(tmp_path / "LICENSE", "Licence text")
    assert missing([tmp_path, tmp_path / "LICENSE", tmp_path / "gone"]) == [
        str(tmp_path / "LICENSE"), str(tmp_path / "gone")]
    assert list(discover([tmp_path / "gone"])) == []
