"""Running the command line as a user does, and reading its one-line errors (shared by the test files)."""

import subprocess
import sys


def cli(*args, data=None, **kwargs):
    """``python -m vetcompare ARGS`` (with ``--data`` of a DataFolder when given), its output captured."""
    extra = ["--data", str(data.root)] if data is not None else []
    return subprocess.run([sys.executable, "-m", "vetcompare", *args, *extra], capture_output=True, text=True,
                          **kwargs)


def one_line_error(run, code=2):
    """The one ``vetcompare:`` line of a failed run, after checking its exit code and that no traceback shows."""
    assert run.returncode == code, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("vetcompare:")]
    assert len(lines) == 1, run.stderr
    return lines[0]
