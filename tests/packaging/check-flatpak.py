#!/usr/bin/env python3
"""Checks the Flatpak manifest without a Flatpak runtime (none can be downloaded here): it must
parse, name this application and the GNOME 48 runtime, keep the finish-args minimal, bundle
libpq from a checksummed archive, and every local path it names must exist."""
import json
import os
import re
import sys

src = sys.argv[1]
path = os.path.join(src, "flatpak", "io.github.kefu.Kefu.json")
problems = []

try:
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    print(f"not ok - {path} does not parse: {e}")
    sys.exit(1)


def expect(cond, what):
    if not cond:
        problems.append(what)


expect(manifest.get("id") == "io.github.kefu.Kefu", "id is io.github.kefu.Kefu")
expect(manifest.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform")
expect(manifest.get("runtime-version") == "48", "runtime-version is 48")
expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk")
expect(manifest.get("command") == "kefu", "command is kefu")

allowed = {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
           "--device=dri"}
finish = manifest.get("finish-args", [])
extra = [a for a in finish if a not in allowed]
expect(not extra, f"finish-args beyond the minimal set: {extra}")
expect(not any(a.startswith("--filesystem=home") or a == "--filesystem=host" for a in finish),
       "no broad filesystem access")

modules = manifest.get("modules", [])
names = [m.get("name") for m in modules if isinstance(m, dict)]
expect(names and names[-1] == "kefu", "the last module builds kefu")
expect("libpq" in names, "libpq is bundled as a module (the GNOME runtime lacks it)")

for m in modules:
    if not isinstance(m, dict):
        continue
    for s in m.get("sources", []):
        kind = s.get("type")
        if kind in ("archive", "file") and "url" in s:
            expect(re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")),
                   f"{m['name']}: {s['url']} has a sha256")
            expect(s["url"].startswith("https://"), f"{m['name']}: source over https")
        if "path" in s:
            p = os.path.normpath(os.path.join(os.path.dirname(path), s["path"]))
            expect(os.path.exists(p), f"{m['name']}: path {s['path']} exists")
    if m.get("name") == "kefu":
        expect(m.get("buildsystem") == "meson", "kefu builds with meson")
        expect(m.get("run-tests") is True, "kefu runs its tests in the build")
        opts = m.get("config-opts", [])
        for o in opts:
            name = o.split("=")[0].removeprefix("-D")
            expect(re.search(rf"option\('{re.escape(name)}'",
                             open(os.path.join(src, "meson_options.txt")).read()),
                   f"config option {name} exists in meson_options.txt")

print("1..1")
if problems:
    for p in problems:
        print(f"# {p}")
    print("not ok 1 - flatpak manifest")
    sys.exit(1)
print("ok 1 - flatpak manifest")
