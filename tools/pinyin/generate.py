#!/usr/bin/env python3
"""Writes src/HealthRecords.Domain/Data/pinyin.txt from Debian's unicode-data Unihan_Readings (field kMandarin).

One line per character: "字 reading[,reading…]" in plain ASCII (tone marks removed, ü written v), sorted by
code point; only CJK Unified Ideographs (U+4E00–U+9FFF) and Extension A (U+3400–U+4DBF).
Usage: python3 tools/pinyin/generate.py [/usr/share/unicode/Unihan_Readings.txt.bz2]
"""
import bz2
import os
import sys
import unicodedata

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_Readings.txt.bz2"
target = os.path.join(os.path.dirname(__file__), "..", "..", "src", "HealthRecords.Domain", "Data", "pinyin.txt")


def plain(reading):
    reading = reading.replace("ü", "v").replace("Ü", "v")
    decomposed = unicodedata.normalize("NFD", reading)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


rows = {}
with bz2.open(source, "rt", encoding="utf-8") as f:
    for line in f:
        if not line.startswith("U+"):
            continue
        code, field, value = line.rstrip("\n").split("\t")
        if field != "kMandarin":
            continue
        cp = int(code[2:], 16)
        if not (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF):
            continue
        readings = []
        for r in value.split():
            p = plain(r)
            if p not in readings:
                readings.append(p)
        rows[cp] = readings

with open(target, "w", encoding="utf-8", newline="\n") as out:
    for cp in sorted(rows):
        out.write(f"{chr(cp)} {','.join(rows[cp])}\n")
print(f"wrote {target}: {len(rows)} characters")
