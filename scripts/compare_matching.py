#!/usr/bin/env python3
"""Compare fairmatch's allocation with the Python `matching` package (HospitalResident).

For each size: generate a fair with fairmatch, export the exact preference lists and capacities
fairmatch allocates on (`allocate --instance-json`), solve the same instance with
`HospitalResident` (resident-optimal), check the assignments are identical, and time
fairmatch's whole process (load, score, allocate) against the package's create + solve.

Usage: scripts/compare_matching.py [--fairmatch target/release/fairmatch] [--sizes 2000 10000]
The package is installed with pip into a virtual environment (default target/compare-venv).
"""

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PACKAGE = "matching==1.4.3"


def ensure_venv(venv: Path) -> None:
    """Re-runs this script inside a venv that has the `matching` package."""
    if os.environ.get("FAIRMATCH_COMPARE_VENV") == str(venv):
        return
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = subprocess.run([str(python), "-c", "import matching"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", PACKAGE], check=True)
    env = dict(os.environ, FAIRMATCH_COMPARE_VENV=str(venv))
    os.execve(str(python), [str(python), *sys.argv], env)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def time_fairmatch(binary: str, fair: Path, repeats: int) -> list:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run([binary, "allocate", str(fair), "--format", "csv"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def solve_with_package(instance: dict):
    from matching.games import HospitalResident

    capacities = {p: cap for p, cap, _ in instance["positions"] if cap > 0}
    # A position with no capacity accepts nobody: leaving it out is the same instance, and the
    # package refuses capacity 0.
    resident_prefs = {}
    for c, prefs in instance["candidates"]:
        prefs = [p for p in prefs if p in capacities]
        if prefs:
            resident_prefs[c] = prefs
    hospital_prefs = {}
    for p, cap, prefs in instance["positions"]:
        if cap > 0:
            hospital_prefs[p] = [c for c in prefs if c in resident_prefs]
    for p in list(hospital_prefs):
        if not hospital_prefs[p]:
            del hospital_prefs[p]
            del capacities[p]
    start = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
    created = time.perf_counter()
    matching = game.solve(optimal="resident")
    solved = time.perf_counter()
    assignment = {}
    for hospital, residents in matching.items():
        for r in residents:
            assignment[r.name] = hospital.name
    return assignment, created - start, solved - created


def in_big_stack(fn, *args):
    """The package deep-copies nested player objects: give it room to recurse."""
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1024 * 1024 * 1024)
    result = {}

    def target():
        result["value"] = fn(*args)

    t = threading.Thread(target=target)
    t.start()
    t.join()
    if "value" not in result:
        raise RuntimeError("the matching package failed (see the error above)")
    return result["value"]


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fairmatch", default=str(root / "target" / "release" / "fairmatch"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    ap.add_argument("--positions", type=int, default=1200)
    ap.add_argument("--booths", type=int, default=70)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repeats", type=int, default=3, help="fairmatch runs per size (median reported)")
    ap.add_argument("--venv", default=str(root / "target" / "compare-venv"))
    ap.add_argument("--json", action="store_true", help="print one JSON object per size")
    args = ap.parse_args()
    ensure_venv(Path(args.venv))

    if not Path(args.fairmatch).exists():
        print(f"no fairmatch binary at {args.fairmatch}; run `cargo build --release` first", file=sys.stderr)
        return 1
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            fair = Path(tmp) / f"fair-{n}.ron"
            inst_path = Path(tmp) / f"instance-{n}.json"
            run(
                [args.fairmatch, "generate", "--seed", str(args.seed), "--booths", str(args.booths),
                 "--positions", str(args.positions), "--candidates", str(n), "--visits", "0", "-o", str(fair)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            out = run(
                [args.fairmatch, "allocate", str(fair), "--format", "csv", "--instance-json", str(inst_path)],
                capture_output=True,
                text=True,
            ).stdout
            ours = {row["candidate_id"]: row["position_id"] for row in csv.DictReader(out.splitlines())}
            ours = {c: p for c, p in ours.items() if p}
            instance = json.loads(inst_path.read_text())
            pairs = sum(len(prefs) for _, prefs in instance["candidates"])

            theirs, create_s, solve_s = in_big_stack(solve_with_package, instance)
            fm_times = time_fairmatch(args.fairmatch, fair, args.repeats)
            fm = statistics.median(fm_times)
            same = ours == theirs
            ok &= same
            diff = sum(1 for c in set(ours) | set(theirs) if ours.get(c) != theirs.get(c))
            row = {
                "candidates": n,
                "positions": args.positions,
                "eligible_pairs": pairs,
                "assigned": len(ours),
                "identical": same,
                "differing_candidates": diff,
                "fairmatch_total_s": round(fm, 4),
                "package_create_s": round(create_s, 3),
                "package_solve_s": round(solve_s, 3),
                "speedup": round((create_s + solve_s) / fm, 1),
            }
            if args.json:
                print(json.dumps(row))
            else:
                print(
                    f"{n:>6} candidates, {args.positions} positions, {pairs} eligible pairs: "
                    f"{len(ours)} assigned, identical={same} ({diff} differ); "
                    f"fairmatch load+score+allocate {fm:.3f} s (median of {len(fm_times)}); "
                    f"matching create {create_s:.2f} s + solve {solve_s:.2f} s; "
                    f"fairmatch {row['speedup']}x faster"
                )
            sys.stdout.flush()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
