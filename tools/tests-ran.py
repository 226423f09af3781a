"""Fail when a pytest run passed without running anything: every collected test skipped.

Usage: python3 tools/tests-ran.py JUNIT.xml  (the file ``pytest --junitxml`` wrote).
Exit 0 when at least one test ran (passed or failed); 1, with a message, otherwise.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def main(path: str) -> int:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = sum(int(s.get("tests", "0")) for s in suites)
    skipped = sum(int(s.get("skipped", "0")) for s in suites)
    if total == 0 or skipped >= total:
        print(
            f"ci: FAILED: {skipped} of {total} collected tests were skipped and none ran; "
            "a run that tests nothing must not pass.",
            file=sys.stderr,
        )
        return 1
    print(f"ci: {total - skipped} of {total} tests ran ({skipped} skipped).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
