#!/usr/bin/env python3
"""Fails when a user-visible string has no zh_CN translation.

1. po/POTFILES.in must list every source file with translatable strings (C files calling
   _( / N_( / C_( / NC_( / g_dngettext, .ui files with translatable="yes", data .in files).
2. The strings are extracted from POTFILES.in with xgettext exactly as the build does, merged
   with po/zh_CN.po, and every message must be translated and not fuzzy.
3. zh_CN.po must pass msgfmt --check (format strings agree with their msgid).
"""
import os
import re
import subprocess
import sys
import tempfile

src, = sys.argv[1:]
po = os.path.join(src, "po")
tests = []


def report():
    print(f"1..{len(tests)}")
    failed = 0
    for i, (ok, name, detail) in enumerate(tests, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok:
            failed += 1
            for line in detail:
                print(f"# {line}")
    sys.exit(1 if failed else 0)


with open(os.path.join(po, "POTFILES.in"), encoding="utf-8") as f:
    listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]

mark = re.compile(r'\b(?:N?C?_|g_dngettext|ngettext|N_)\s*\(\s*"')
found = []
for top in ("src", "data"):
    for d, _, files in os.walk(os.path.join(src, top)):
        for name in files:
            p = os.path.join(d, name)
            rel = os.path.relpath(p, src)
            try:
                text = open(p, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            if name.endswith((".c", ".h")) and mark.search(text):
                found.append(rel)
            elif name.endswith(".ui") and 'translatable="yes"' in text:
                found.append(rel)
            elif name.endswith((".desktop.in", ".metainfo.xml.in")):
                found.append(rel)
missing = sorted(set(found) - set(listed))
gone = sorted(p for p in listed if not os.path.exists(os.path.join(src, p)))
tests.append((not missing, "POTFILES.in lists every file with translatable strings",
              [f"not listed: {m}" for m in missing]))
tests.append((not gone, "every file in POTFILES.in exists", [f"missing: {g}" for g in gone]))

inputs = [p for p in listed if os.path.exists(os.path.join(src, p))]
if not inputs:
    tests.append((True, "no translatable strings yet", []))
    report()

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "kefu.pot")
    # The keywords of meson's i18n 'glib' preset.
    args = ["xgettext", "--from-code=UTF-8", "--add-comments", "-o", pot, "-D", src,
            "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
            "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
            "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
            "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
            "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
            "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
            "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
            "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
            "--flag=g_snprintf:3:c-format"] + inputs
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        tests.append((False, "xgettext extracts the strings", r.stderr.splitlines()))
        report()
    if not os.path.exists(pot):
        tests.append((True, "no translatable strings yet", []))
        report()
    merged = os.path.join(tmp, "merged.po")
    r = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                        os.path.join(po, "zh_CN.po"), pot], capture_output=True, text=True)
    if r.returncode != 0:
        tests.append((False, "msgmerge zh_CN.po", r.stderr.splitlines()))
        report()
    untranslated = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", "--no-wrap", merged],
                                  capture_output=True, text=True).stdout
    fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", "--no-wrap", merged],
                           capture_output=True, text=True).stdout
    ids = [m for m in re.findall(r'^msgid "(.*)"$', untranslated + fuzzy, re.M) if m]
    tests.append((not ids, "every string has a zh_CN translation",
                  [f"untranslated or fuzzy: \"{i}\"" for i in ids]))
    r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                        os.path.join(po, "zh_CN.po")], capture_output=True, text=True)
    tests.append((r.returncode == 0, "zh_CN.po passes msgfmt --check", r.stderr.splitlines()))
    print(f"# {r.stderr.strip()}")
report()
