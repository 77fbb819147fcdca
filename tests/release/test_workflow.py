"""The release workflow for GitHub's hosted runners cannot run here (.github/workflows/
release.yml says why): this at least checks that it parses, matches GitHub's workflow schema
(check-jsonschema ships it; no network), and runs the same script as .ci/run."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _check_jsonschema() -> list[str]:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("check-jsonschema is not installed: pip install -e '.[test]'")
    return [exe]


def test_workflow_matches_githubs_schema():
    out = subprocess.run([*_check_jsonschema(), "--builtin-schema", "vendor.github-workflows",
                          str(WORKFLOW)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_schema_check_can_fail(tmp_path):
    """A step with neither `run` nor `uses`, and a job with no runner, are refused."""
    bad = tmp_path / "bad.yml"
    bad.write_text("name: x\non: push\njobs:\n  a:\n    steps:\n      - name: nothing\n")
    out = subprocess.run([*_check_jsonschema(), "--builtin-schema", "vendor.github-workflows",
                          str(bad)], capture_output=True, text=True)
    assert out.returncode != 0


def test_workflow_runs_the_release_script_and_tests_on_every_platform():
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = doc["jobs"]["build"]
    assert set(build["strategy"]["matrix"]["os"]) == {
        "windows-latest", "macos-14", "macos-13", "ubuntu-latest"}
    runs = [s.get("run", "") for s in build["steps"]]
    assert "python tools/release.py" in runs
    assert any(r.startswith("python -m pytest") for r in runs)
    assert "CANNOT RUN ON THE PROJECT'S OWN MACHINE" in WORKFLOW.read_text(encoding="utf-8")
