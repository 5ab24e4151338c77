#!/usr/bin/env python3
# test-screenshots.py: `kefu --screenshots=DIR` writes one whole-window PNG per pane (and the
# complaints list view, the after-sales jobs and technicians) and exits 0;
# on a database it cannot open it writes none and exits non-zero with the reason. TAP output.
import os
import struct
import subprocess
import sys
import tempfile

PANES = ["intake", "complaints", "aftersales", "callbacks", "customers", "dashboard"]
kefu = sys.argv[1]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def run(args, home):
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    return subprocess.run([kefu] + args, env=env, capture_output=True, text=True, timeout=120)


with tempfile.TemporaryDirectory(prefix="kefu-shots-") as home:
    shots = os.path.join(home, "shots")
    result = run(["--screenshots=" + shots], home)
    check("a run on a new database exits 0", result.returncode == 0, result.stderr.strip())
    check("the new database was created in the data folder",
          os.path.isfile(os.path.join(home, "data", "kefu", "kefu.db")))
    names = sorted(os.listdir(shots)) if os.path.isdir(shots) else []
    # A new database has no complaint, shipment or job to open: the views are pictured (the
    # complaints list, the after-sales jobs and technicians, the callbacks week), no detail page.
    views = ["complaints-list.png", "aftersales-jobs.png", "aftersales-technicians.png",
             "callbacks-week.png"]
    check("one picture per pane and per view",
          names == sorted([p + ".png" for p in PANES] + views), " ".join(names))
    sizes = {png_size(os.path.join(shots, n)) for n in names}
    check("every picture is a PNG of the whole window",
          len(sizes) == 1 and None not in sizes and all(w >= 1000 and h >= 700 for w, h in sizes),
          repr(sizes))

    bad = os.path.join(home, "notes.db")
    with open(bad, "w") as f:
        f.write("not a database\n")
    bad_shots = os.path.join(home, "bad-shots")
    result = run(["--database=" + bad, "--screenshots=" + bad_shots], home)
    check("a database that cannot be opened fails the run", result.returncode != 0)
    check("the reason is printed", "not a Kefu database" in result.stderr, result.stderr.strip())
    check("no pictures are left behind",
          not os.path.isdir(bad_shots) or os.listdir(bad_shots) == [])
    with open(bad) as f:
        check("the file is left as it was", f.read() == "not a database\n")

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok and detail:
        for line in detail.splitlines():
            print("# " + line)
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
