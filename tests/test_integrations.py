"""The pre-commit hook and the composite GitHub Action in the repository, run for real: each
installs this checkout into a fresh environment (as pre-commit and a GitHub runner do) and
checks a draft. Slow (about a minute each: a full install), and worth it: they are what a
newsroom's CI runs."""
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WRONG = "Trump held a 60-minute call with Zelensky.\n"
CLEAN = "Oil prices were steady on Monday.\n"


def _git_checkout() -> None:
    if not (ROOT / ".git").exists() or not shutil.which("git"):
        pytest.skip("the project is not a git checkout here (pre-commit installs hooks from one)")


def test_the_pre_commit_hook_fails_a_commit_with_a_contradiction(tmp_path):
    _git_checkout()
    project = tmp_path / "newsroom"
    project.mkdir()
    (project / "draft.md").write_text(WRONG)
    (project / "notes.txt").write_text(CLEAN)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q"], cwd=project, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=project, check=True, env=env)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "factcheck"]
    bad = subprocess.run([*pre_commit, "--files", "draft.md"], cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "draft.md:1:14: contradiction [numeric] The reference gives 90 minutes; this says 60." in bad.stdout
    good = subprocess.run([*pre_commit, "--files", "notes.txt"], cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert good.returncode == 0, good.stdout + good.stderr


def _run_action(inputs: dict, workdir: Path, python_bin: Path) -> subprocess.CompletedProcess:
    """The action's shell steps as a runner runs them: inputs (given or default) and the
    action's path substituted, bash -eo pipefail, the setup-python step standing in for by
    a fresh virtual environment first on PATH."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    values = {name: str(inputs.get(name, spec.get("default", ""))) for name, spec in action["inputs"].items()}
    missing = [n for n, spec in action["inputs"].items() if spec.get("required") and n not in inputs]
    assert not missing, missing

    def substitute(text: str) -> str:
        text = text.replace("${{ github.action_path }}", str(ROOT))
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m.group(1)], text)

    env = {**os.environ, "PATH": f"{python_bin}{os.pathsep}{os.environ['PATH']}"}
    env.pop("VIRTUAL_ENV", None)
    result = None
    for step in action["runs"]["steps"]:
        if "uses" in step:
            assert step["uses"].startswith("actions/setup-python@")
            continue
        step_env = {**env, **{k: substitute(str(v)) for k, v in step.get("env", {}).items()}}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"])],
                                cwd=workdir, env=step_env, capture_output=True, text=True, timeout=900)
        if result.returncode != 0:
            return result
    return result


def test_the_github_action_annotates_a_contradiction_and_fails_the_step(tmp_path):
    env_dir = tmp_path / "runner-python"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    work = tmp_path / "repo"
    (work / "drafts").mkdir(parents=True)
    (work / "drafts" / "call.md").write_text(WRONG)
    (work / "drafts" / "notes.txt").write_text(CLEAN)
    run = _run_action({"files": "drafts/"}, work, bin_dir)
    assert run.returncode == 1, run.stdout + run.stderr
    assert ("::error file=drafts/call.md,line=1,col=14,endLine=1,endColumn=23,title=factcheck numeric.duration::"
            "The reference gives 90 minutes; this says 60.") in run.stdout
    (work / "wire.txt").write_text("Trump spoke with Zelensky for 60 minutes on Wednesday.\n")
    against_wire = _run_action({"files": "drafts/call.md", "reference": "wire.txt"}, work, bin_dir)
    assert against_wire.returncode == 0, against_wire.stdout + against_wire.stderr
    # an empty fail-on leaves it to the repository's configuration file
    (work / "factcheck.toml").write_text('fail-on = "never"\n')
    assert _run_action({"files": "drafts/"}, work, bin_dir).returncode == 0
