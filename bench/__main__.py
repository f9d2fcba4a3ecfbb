"""``python -m bench``: LinkChart's speed and memory benchmark.

Prints one JSON object per measurement: name, size, seconds (median of several
runs), peak_rss_mb, and where a baseline exists baseline_seconds and ratio.
Targets are documented in the README; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import sys

from bench import measure_core  # noqa: F401  (registers measurements)
from bench.harness import MEASUREMENTS, run_in_child, run_one


def _load_optional_measurements() -> None:
    # Qt measurements register themselves only if the GUI layer is importable.
    for module in ("bench.measure_qt", "bench.measure_analysis", "bench.measure_ingest", "bench.measure_timeline"):
        try:
            __import__(module)
        except ImportError as exc:  # a measurement module for a part not built yet
            print(f"# skipped {module}: {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated measurement names (default: all)")
    parser.add_argument("--sizes", help="comma-separated sizes overriding each measurement's own")
    parser.add_argument("--repeats", type=int, help="runs per timing (default: the measurement's own)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per measurement")
    parser.add_argument("--out", help="also write the JSON lines to this file")
    parser.add_argument("--list", action="store_true", help="list the measurements and exit")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    _load_optional_measurements()

    sizes_override = [int(s) for s in args.sizes.split(",")] if args.sizes else None
    if args.child:
        for size in sizes_override or MEASUREMENTS[args.child].sizes:
            print(json.dumps(run_one(args.child, size, args.repeats)), flush=True)
        return 0
    if args.list:
        for m in MEASUREMENTS.values():
            print(f"{m.name:<28} sizes {', '.join(map(str, m.sizes))}")
        return 0
    names = args.only.split(",") if args.only else list(MEASUREMENTS)
    unknown = [n for n in names if n not in MEASUREMENTS]
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(unknown)}")
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    failed = 0
    for name in names:
        for size in sizes_override or MEASUREMENTS[name].sizes:
            record = run_in_child(name, size, args.repeats, args.timeout)
            failed += "error" in record
            line = json.dumps(record)
            print(line, flush=True)
            if out:
                out.write(line + "\n")
    if out:
        out.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
