#!/usr/bin/env python3
"""Independent spot check of SampleData: Luhn and the SA mobile pattern, per row, against
expected-findings.csv (only the id.* and mobile.invalid rows). Python standard library only."""
import csv
import io
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MOBILE = re.compile(r"579[0-8]\d{5}|5(?:[013-689]\d|7[0-8])\d{6}")


def luhn_ok(value):
    total = 0
    for position, char in enumerate(reversed(value)):
        digit = int(char)
        if position % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def national(mobile):
    digits = re.sub(r"[\s\-.()]", "", mobile.translate(DIGITS))
    for prefix in ("+9660", "+966", "009660", "00966", "9660", "966", "0"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 9:
            return digits[len(prefix):]
    return digits


expected = {(r["file"], int(r["line"]), r["rule"]) for r in csv.DictReader(open(os.path.join(HERE, "expected-findings.csv")))}
checks = {"citizens.csv": (0, 1), "residents.csv": (0, 2), "sponsors.csv": (0, None)}
mobile_column = {"citizens.csv": 5, "residents.csv": 6, "sponsors.csv": 3}
problems = 0
for name, (id_column, lead) in checks.items():
    text = open(os.path.join(HERE, name), encoding="utf-8-sig", newline="").read()
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    line = 2
    for row in reader:
        start = reader.line_num - (sum(cell.count("\n") for cell in row))  # physical start line
        if not row or len(row) != len(header):
            continue
        rules = set()
        value = row[id_column].strip().translate(DIGITS)
        if value:
            if not re.fullmatch(r"\d{10}", value):
                rules.add("id.format")
            elif value[0] in "1234" and not luhn_ok(value):
                rules.add("id.checksum")
            elif lead and value[0] != str(lead) or (lead is None and value[0] not in "127"):
                rules.add("id.kind")
        mobile = row[mobile_column[name]].strip()
        if mobile and not MOBILE.fullmatch(national(mobile)):
            rules.add("mobile.invalid")
        for rule in rules:
            if (name, start, rule) not in expected:
                print("unexpected", name, start, rule, row[id_column], mobile)
                problems += 1
        for (file, l, rule) in expected:
            if file == name and l == start and rule in ("id.format", "id.checksum", "id.kind", "mobile.invalid") \
                    and rule not in rules:
                print("missed", name, start, rule)
                problems += 1
print("check_sample: %d problems" % problems)
