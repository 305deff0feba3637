"""A new workspace is neutral: no conflict's camps until the workspace chooses them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from corroborate.assess import bundled_camps
from tests.conftest import WriteFile, run_process

Run = Callable[..., Result]

# Own-words articles about another war than the sample's.
ARTICLES = {
    "a.md": "---\ntitle: Drone parts\nsource: Kyiv Daily\ndate: 2023-03-02\n---\n"
    "Ukraine's defence ministry said Iran supplied Shahed drones to Russia. Tehran denied "
    "sending drones to Moscow for use in the war.\n",
    "b.md": "---\ntitle: Shells from the north\nsource: Harbour Wire\ndate: 2023-03-05\n---\n"
    "Belarus sent artillery shells to Russia, the wire service reported, citing rail records. "
    "Minsk denied it.\n",
    "c.md": "---\ntitle: Debris\nsource: Open Monitor\ndate: 2023-03-09\n---\n"
    "Iran supplied drones to Russia, according to an independent monitoring group that "
    "examined debris.\n",
}
KARABAKH_CAMPS = set(bundled_camps("karabakh-2020").actor_camp.values())


def _ingest(run: Run, write: WriteFile, tmp_path: Path) -> None:
    assert run("init", "ws").exit_code == 0
    for name, text in ARTICLES.items():
        write(name, text)
    done = run("-w", "ws", "ingest", str(tmp_path / "in"))
    assert done.exit_code == 0, done.output


def test_fresh_workspace_on_another_war_is_neutral_and_says_so(
    run: Run, write: WriteFile, tmp_path: Path
) -> None:
    _ingest(run, write, tmp_path)
    config = (tmp_path / "ws" / "corroborate.toml").read_text()
    assert "# camps = " in config and "russia-ukraine" in config  # says how, sets nothing
    for fmt in ("md", "html", "json"):
        report = run("-w", "ws", "report", "--actor", "Iran", "--format", fmt)
        assert report.exit_code == 0, report.output
        assert "Camps are unset" in report.stdout and "corroborate.toml" in report.stdout
        assert not any(camp in report.stdout for camp in KARABAKH_CAMPS), fmt
    data = json.loads(run("-w", "ws", "report", "--actor", "Iran", "--format", "json").stdout)
    assert data["camps"]["set"] is False
    [drones] = data["sections"]["corroborated"]  # a paper and a monitor; Iran's denial is its own
    denial = drones["proposition"]["denying"][0]
    assert denial["group"] == "Iran" and denial["stance"] == "own"


def test_chosen_camps_apply_and_are_named(run: Run, write: WriteFile, tmp_path: Path) -> None:
    _ingest(run, write, tmp_path)
    with (tmp_path / "ws" / "corroborate.toml").open("a") as f:
        f.write('camps = "russia-ukraine"\n')
    data = json.loads(run("-w", "ws", "report", "--actor", "Iran", "--format", "json").stdout)
    assert data["camps"]["set"] is True and "Russia-Ukraine war" in data["camps"]["note"]
    [drones] = data["sections"]["corroborated"]
    groups = {v["group"]: v["stance"] for v in drones["proposition"]["affirming"]}
    assert groups["ukrainian_side"] == "hostile"  # Kyiv's voice is a camp opposed to Iran's
    listing = run("-w", "ws", "camps")
    assert "russia-ukraine (this workspace)" in listing.stdout
    assert "source: UN General Assembly resolution ES-11/1" in listing.stdout
    # the world knowledge base knows every actor the bundled camps name
    assert "not in the knowledge base" not in listing.stdout
    bundled = json.loads(run("-w", "ws", "camps", "--json").stdout)["bundled"]
    assert "North Korea" in bundled["russia-ukraine"]["actors"]
    assert all(not c["unknown_to_knowledge_base"] for c in bundled.values())


def test_init_chooses_camps_and_refuses_unknown_ones(run: Run, tmp_path: Path) -> None:
    done = run("init", "ws", "--camps", "sudan")
    assert done.exit_code == 0 and "camps: sudan" in done.stdout
    assert 'camps = "sudan"' in (tmp_path / "ws" / "corroborate.toml").read_text()
    bad = run("init", "other", "--camps", "atlantis")
    assert bad.exit_code == 1 and "no bundled conflict 'atlantis'" in bad.output
    assert not (tmp_path / "other").exists()  # nothing written for a typo
    plain = run("init", "plain")
    assert "camps: unset" in plain.stdout


# Own-words articles about the war in Sudan, naming a brigade (twice), a defence unit and a
# spokesman that the knowledge base does not know.
SUDAN = {
    "a.md": "---\ntitle: Rifles in the west\nsource: Nile Courier\ndate: 2023-06-02\n---\n"
    "The United Arab Emirates sent rifles to the Wadi Hawar Brigade, a panel of experts said. "
    "The brigade has fought near El Geneina since May.\n",
    "b.md": "---\ntitle: Convoys from the east\nsource: Red Sea Report\ndate: 2023-06-09\n---\n"
    "Eritrea sent drones to the Kassala Defence Unit, Abdelrahim Nour claimed. Asmara denied "
    "sending any weapons into Sudan.\n",
    "c.md": "---\ntitle: A second shipment\nsource: Sahel Ledger\ndate: 2023-06-15\n---\n"
    "Chad sent trucks to the Wadi Hawar Brigade, local traders said, and Libya shipped fuel to "
    "the Rapid Support Forces, according to a monitoring group.\n",
}
UNKNOWN = ["Abdelrahim Nour", "Kassala Defence Unit", "Wadi Hawar Brigade"]


def test_fresh_workspace_on_another_war_lists_its_unknown_actors(
    write: WriteFile, tmp_path: Path
) -> None:
    """The installed command, as a new user runs it, on a real SQLite ledger."""
    assert run_process(["init", "ws"], cwd=tmp_path).returncode == 0
    assert (tmp_path / "ws" / "corroborate.db").is_file()
    for name, text in SUDAN.items():
        write(name, text)
    ingest = run_process(["-w", "ws", "ingest", "in"], cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    # the ingest summary counts and names them, and says how to fix it
    assert f"unknown actors: 3 names not in the knowledge base ({', '.join(UNKNOWN)})" in (
        ingest.stdout
    ), ingest.stdout
    assert "lexicons/" in ingest.stdout
    actor = ["-w", "ws", "report", "--actor", "United Arab Emirates", "--format"]
    for fmt in ("md", "html"):
        report = run_process([*actor, fmt], cwd=tmp_path)
        assert report.returncode == 0, report.stderr
        assert "Camps are unset" in report.stdout and "corroborate.toml" in report.stdout
        assert not any(camp in report.stdout for camp in KARABAKH_CAMPS), fmt
        assert "Unknown actors: 3 names" in report.stdout, fmt
        assert "Wadi Hawar Brigade (2 documents)" in report.stdout, fmt
        assert all(name in report.stdout for name in UNKNOWN), fmt
    data = json.loads(run_process([*actor, "json"], cwd=tmp_path).stdout)
    assert data["camps"]["set"] is False
    [rifles] = data["sections"]["single-source"]
    # open world: a name the knowledge base lacks is still the recipient, as the text names it
    assert rifles["proposition"]["recipient"] == "Wadi Hawar Brigade"
    assert not any(camp in json.dumps(data) for camp in KARABAKH_CAMPS)
    names = data["unknown_actors"]["names"]
    assert data["unknown_actors"]["total"] == 3
    assert names[0] == {"name": "Wadi Hawar Brigade", "documents": 2}  # most documents first
    assert sorted(n["name"] for n in names) == UNKNOWN
    # the advice works: a lexicon entry in the workspace takes a name off the list
    lexicon = tmp_path / "ws" / "lexicons" / "sudan-local.yaml"
    lexicon.parent.mkdir()
    lexicon.write_text("actors:\n  - name: Wadi Hawar Brigade\n    type: armed_group\n")
    again = run_process(["-w", "ws", "ingest", "in"], cwd=tmp_path)  # re-extracts: new lexicons
    assert again.returncode == 0, again.stderr
    assert "unknown actors: 2 names" in again.stdout, again.stdout
    data = json.loads(run_process([*actor, "json"], cwd=tmp_path).stdout)
    assert sorted(n["name"] for n in data["unknown_actors"]["names"]) == UNKNOWN[:2]
    [rifles] = data["sections"]["single-source"]
    assert rifles["proposition"]["recipient"] == "Wadi Hawar Brigade"  # and a known one now
