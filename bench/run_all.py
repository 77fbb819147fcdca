"""Run every benchmark in bench/ (bench_*.py), one after another, and print their figures."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {script.name}", flush=True)
        rc = subprocess.call([sys.executable, str(script), *sys.argv[1:]])
        if rc:
            failed.append(script.name)
    if failed:
        print(f"\nbenchmarks that failed to run: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
