"""Templates defined in a scenario file: derived from a base, checked, saved and run."""

from __future__ import annotations

import pytest

from sim.scenario import ScenarioError, dumps_scenario, parse_scenario
from sim.session import Session

HEAD = "version = 1\n"
T = '[[templates]]\nid = "x"\nbase = '  # the start of a template table, base to follow
UBUNTU_1G = """
[[templates]]
id = "ubuntu-1g"
base = "ubuntu-server"
name = "Ubuntu Server VM, 1 GiB"
name_zh = "Ubuntu 服务器虚拟机（1 GiB）"
memory_mib = 1024
vcpus = 1
"""
NGINX_64 = """
[[templates]]
id = "nginx-64"
base = "nginx"
memory_limit_mib = 64
"""


def _load(body: str):
    return parse_scenario(HEAD + body, "lesson.toml")


def test_a_template_changes_its_base_numbers_and_its_guests_run_with_them():
    s = _load(
        UBUNTU_1G + '[[guests]]\ntemplate = "ubuntu-1g"\n[[guests]]\ntemplate = "ubuntu-server"\n'
    )
    session = Session.bundled(s)
    session.run_until(60)
    small, big = session.guest("ubuntu-1g-1"), session.guest("ubuntu-server-1")
    assert (small.template.memory_mib, small.template.vcpus) == (1024, 1)
    assert (big.template.memory_mib, big.template.vcpus) == (2048, 2)
    assert small.template.name == "Ubuntu Server VM, 1 GiB"
    assert small.state == big.state == "running"
    # One vCPU boots the same CPU work more slowly than two.
    assert small.ready_s > big.ready_s


def test_a_template_setting_is_every_new_guest_s_starting_setting():
    s = _load(NGINX_64 + '[[guests]]\ntemplate = "nginx-64"\ncount = 2\n')
    session = Session.bundled(s)
    session.run_until(5)
    assert session.guest("nginx-64-2").config.memory_limit_mib == 64
    assert session.add_guests("nginx", 1) and session.guest("nginx-1").config.memory_limit_mib == 0


def test_templates_appear_in_the_snapshot_for_the_palette():
    snap = Session.bundled(_load(UBUNTU_1G + NGINX_64)).snapshot()
    ids = [t.id for t in snap.templates]
    assert ids[-2:] == ["ubuntu-1g", "nginx-64"]
    assert snap.template("ubuntu-1g").group == "vms"


def test_save_then_load_gives_the_same_templates():
    chain = '[[templates]]\nid = "tiny"\nbase = "ubuntu-1g"\nmemory_mib = 512\n'
    s = _load(chain + UBUNTU_1G + NGINX_64)  # a base defined after the template using it
    again = parse_scenario(dumps_scenario(s), "saved.toml")
    assert again == s
    assert [t.id for t in s.templates] == ["ubuntu-1g", "tiny", "nginx-64"]
    tiny = Session.bundled(again).catalog.templates["tiny"]
    assert (tiny.memory_mib, tiny.vcpus) == (512, 1)  # vcpus from ubuntu-1g, memory its own


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        (T + '"no-such"\n', "templates[0].base", "one of"),
        ('[[templates]]\nid = "nginx"\nbase = "alpine"\n', "templates[0].id", "catalog"),
        (NGINX_64 + NGINX_64, "templates[1].id", "no other"),
        (T + '"ubuntu-server"\nmemory_mib = 0\n', "memory_mib", "from 16"),
        (T + '"ubuntu-server"\nvcpus = 1.5\n', "vcpus", "whole"),
        (T + '"ubuntu-server"\nvcpus = 1000\n', "vcpus", "to 256"),
        (T + '"nginx"\nmemory_mib = 64\n', "memory_mib", "no memory"),
        (T + '"nginx"\nvcpu_pinning = true\n', "vcpu_pinning", "setting"),
        (T + '"nginx"\nnetwork = "wifi"\n', "network", "one of"),
        (T + '"nginx"\ncolour = 1\n', "colour", "known keys"),
        ('[[templates]]\nid = "x y"\nbase = "nginx"\n', "templates[0].id", "an id"),
        (T + '"x"\n', "base", "does not lead back"),
        (
            '[[templates]]\nid = "a"\nbase = "b"\n[[templates]]\nid = "b"\nbase = "a"\n',
            "base",
            "a → b → a",
        ),
        ('[[guests]]\ntemplate = "nginx-64"\n', "guests[0].template", "one of"),
        ("templates = 3\n", "templates", "array of tables"),
    ],
)
def test_a_wrong_template_gives_one_line_naming_file_and_field(body, field, words):
    with pytest.raises(ScenarioError) as caught:
        _load(body)
    message = str(caught.value)
    assert message.startswith("lesson.toml: templates") or message.startswith("lesson.toml: guests")
    assert field in message and words in message and "\n" not in message


def test_too_many_templates_are_refused():
    body = "".join(f'[[templates]]\nid = "t{i}"\nbase = "alpine"\n' for i in range(101))
    with pytest.raises(ScenarioError, match="at most 100"):
        _load(body)


def test_the_cli_runs_a_scenario_s_templates_and_counts_how_many_fit(tmp_path, capsys):
    import json

    from sim.cli import main

    path = tmp_path / "t.toml"
    path.write_text(HEAD + UBUNTU_1G + '[[guests]]\ntemplate = "ubuntu-1g"\n', encoding="utf-8")
    assert main(["run", str(path), "--until", "40", "--json"]) == 0
    run = json.loads(capsys.readouterr().out)
    assert [g["template"] for g in run["guests"]] == ["ubuntu-1g"]
    args = ["density", "--policy", "reserve", "--templates-from", str(path), "--json"]
    assert main([*args, "--template", "ubuntu-server", "--template", "ubuntu-1g"]) == 0
    fit = json.loads(capsys.readouterr().out)["templates"]
    # Reserved RAM binds: half the RAM, about twice as many VMs.
    assert fit["ubuntu-1g"]["max"] >= 1.8 * fit["ubuntu-server"]["max"]
