#!/usr/bin/env python3
"""Regenerates the sample exports of SampleData/ and the findings they must produce.

    python3 SampleData/make_sample.py

Deterministic (fixed seed, Python standard library only). Run date of the sample: 2026-11-25
(`absher-import validate SampleData --now 2026-11-25`). Writes citizens.csv (UTF-8, LF, an
extra `notes` column, a quoted multi-line cell, a blank line), residents.csv (UTF-8, CRLF,
header names spelled loosely, a `password` column), sponsors.csv (UTF-8 with BOM, Arabic
header aliases), expected-findings.csv and README.md.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261125)

# ---------------------------------------------------------------- names
MALE = [("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("عبدالله", "Abdullah"), ("خالد", "Khalid"),
        ("فهد", "Fahad"), ("سعود", "Saud"), ("سلطان", "Sultan"), ("فيصل", "Faisal"), ("ناصر", "Nasser"),
        ("تركي", "Turki"), ("بندر", "Bandar"), ("ماجد", "Majed"), ("عمر", "Omar"), ("يوسف", "Yousef"),
        ("إبراهيم", "Ibrahim"), ("نايف", "Naif"), ("راشد", "Rashid"), ("علي", "Ali"), ("سعد", "Sa'ad")]
FEMALE = [("نورة", "Noura"), ("فاطمة", "Fatimah"), ("سارة", "Sarah"), ("ريم", "Reem"), ("هند", "Hind"),
          ("منيرة", "Munira"), ("العنود", "Alanoud"), ("مها", "Maha"), ("أمل", "Amal"), ("هيفاء", "Haifa"),
          ("شهد", "Shahad"), ("جود", "Joud"), ("غادة", "Ghada"), ("مريم", "Maryam")]
FAMILY = [("العتيبي", "Al-Otaibi"), ("القحطاني", "Al-Qahtani"), ("الغامدي", "Al-Ghamdi"),
          ("الزهراني", "Al-Zahrani"), ("الحربي", "Al-Harbi"), ("الدوسري", "Al-Dosari"),
          ("الشمري", "Al-Shammari"), ("المطيري", "Al-Mutairi"), ("العنزي", "Al-Anazi"), ("الشهري", "Al-Shehri"),
          ("السبيعي", "Al-Subaie"), ("الجهني", "Al-Juhani"), ("المالكي", "Al-Malki"), ("اليامي", "Al-Yami")]
R_MALE = [("راهول", "Rahul"), ("عمران", "Imran"), ("سانجاي", "Sanjay"), ("عارف", "Arif"), ("خوسيه", "Jose"),
          ("جون", "John"), ("مارك", "Mark"), ("أبيبي", "Abebe"), ("كمال", "Kamal"), ("رفيق", "Rafiq")]
R_FEMALE = [("بريا", "Priya"), ("ماريا", "Maria"), ("ميشيل", "Michelle"), ("نسرين", "Nasreen"), ("جوي", "Joy")]
R_FAMILY = [("كومار", "Kumar"), ("خان", "Khan"), ("شارما", "Sharma"), ("حسين", "Hussain"), ("سانتوس", "Santos"),
            ("كروز", "Cruz"), ("ريس", "Reyes"), ("تسفاي", "Tesfaye"), ("المصري", "Elmasry"), ("باتيل", "Patel")]
NATIONALITIES = ["IND", "PAK", "BGD", "PHL", "EGY", "YEM", "ETH", "NPL", "ind", "Phl", "GBR", "JOR"]
ESTABLISHMENTS = ["شركة المراعي", "مؤسسة البناء الحديث للمقاولات", "Almarai Company", "Jarir Bookstore",
                  "شركة النهدي الطبية", "مؤسسة الفجر للتجارة", "Panda Retail Company", "مستشفى الحمادي",
                  "شركة الرياض للنقل", "Red Sea Catering", "مطاعم البيك", "شركة الخليج للتقنية",
                  "مجموعة الزامل", "Saudi Ceramics", "مؤسسة النخيل للخدمات", "شركة الدرعية للضيافة"]
DOMAINS = ["gmail.com", "hotmail.com", "outlook.sa", "yahoo.com", "icloud.com", "stc.com.sa"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
EXTENDED_INDIC = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


# ---------------------------------------------------------------- values
def luhn_digit(payload):
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


used_ids = set()


def new_id(lead):
    while True:
        payload = str(lead) + "".join(rng.choice("0123456789") for _ in range(8))
        value = payload + (luhn_digit(payload) if lead != 7 else rng.choice("0123456789"))
        if value not in used_ids:
            used_ids.add(value)
            return value


def bad_check(valid):
    return valid[:9] + str((int(valid[9]) + 1) % 10)


used_mobiles = set()


def new_national_mobile():
    while True:
        roll = rng.random()
        if roll < 0.85:
            national = rng.choice(["50", "53", "54", "55", "56", "58", "59"]) + "%07d" % rng.randrange(10**7)
        elif roll < 0.95:
            national = "57" + rng.choice("012345678") + "%06d" % rng.randrange(10**6)
        else:
            national = "579" + rng.choice("012345678") + "%05d" % rng.randrange(10**5)
        if national not in used_mobiles:
            used_mobiles.add(national)
            return national


def mobile_form(national, form):
    a, b, c = national[:2], national[2:5], national[5:]
    return [
        "0" + national, national, "+966" + national, "966" + national, "00966" + national,
        "+966 0 " + national, "+966 %s %s %s" % (a, b, c), "0%s-%s-%s" % (a, b, c), "0%s.%s.%s" % (a, b, c),
        "(0%s) %s %s" % (a, b, c), "+966 (%s) %s-%s" % (a, b, c), ("0" + national).translate(ARABIC_INDIC),
        ("0" + national).translate(EXTENDED_INDIC), ("+966" + national).translate(ARABIC_INDIC),
        "0" + national, "+966" + national,
    ][form]


mobile_counter = [0]


def new_mobile():
    mobile_counter[0] += 1
    return mobile_form(new_national_mobile(), mobile_counter[0] % 16)


used_names = set()


def new_username(first_en, family_en):
    while True:
        base = (first_en + rng.choice([".", "_", ""]) + family_en).lower()
        base = "".join(ch for ch in base if ch.isascii() and (ch.isalnum() or ch in "._"))[:14]
        name = base + str(rng.randrange(10, 999))
        if name not in used_names and 6 <= len(name) <= 20:
            used_names.add(name)
            return name


used_emails = set()


def new_email(first_en, family_en):
    while True:
        local = (first_en + "." + family_en).lower().replace("'", "").replace("-", "")
        value = "%s%d@%s" % (local, rng.randrange(1, 999), rng.choice(DOMAINS))
        if value not in used_emails:
            used_emails.add(value)
            return value


def gregorian(lo, hi, day_first=False, digits=None):
    y, m, d = rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)
    text = "%02d/%02d/%04d" % (d, m, y) if day_first else "%04d-%02d-%02d" % (y, m, d)
    return text.translate(digits) if digits else text


def hijri(lo, hi, day_first=False, marker=""):
    y, m, d = rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 29)
    return ("%02d/%02d/%04d" % (d, m, y) if day_first else "%04d-%02d-%02d" % (y, m, d)) + marker


date_counter = [0]


def birth_date():
    date_counter[0] += 1
    k = date_counter[0] % 10
    if k in (0, 1, 2, 3):
        return gregorian(1950, 2005)
    if k in (4, 5):
        return gregorian(1950, 2005, day_first=True)
    if k in (6, 7):
        return hijri(1375, 1425)
    if k == 8:
        return hijri(1375, 1425, day_first=True)
    return rng.choice([gregorian(1960, 2000, digits=ARABIC_INDIC), hijri(1390, 1420, marker="H"),
                       hijri(1390, 1420, day_first=True, marker="هـ")])


def expiry_date():
    # Strictly after the run date 2026-11-25: Gregorian 2027+ or Hijri 1450+ (about 2028).
    k = rng.randrange(4)
    if k == 0:
        return hijri(1450, 1456)
    if k == 1:
        return gregorian(2027, 2034, day_first=True)
    return gregorian(2027, 2034)


def gender(female):
    return rng.choice(["F", "female", "Female", "أنثى", "f", "FEMALE", ""] if female
                      else ["M", "male", "Male", "ذكر", "m", "MALE", ""])


def language():
    return rng.choice(["ar", "en", "AR", "Arabic", "ENGLISH", "العربية", "الإنجليزية", "", "ar"])


# ---------------------------------------------------------------- rows
class Row:
    """One record: its cells by column, the findings it must get, and what it is for."""

    def __init__(self, cells, findings=(), note="", raw=None):
        self.cells = cells
        self.findings = list(findings)
        self.note = note
        self.raw = raw
        self.line = None


def citizen(**over):
    female = rng.random() < 0.45
    first = rng.choice(FEMALE if female else MALE)
    father, family = rng.choice(MALE), rng.choice(FAMILY)
    cells = dict(
        national_id=new_id(1), name_ar="%s %s %s" % (first[0], father[0], family[0]),
        name_en="%s %s %s" % (first[1], father[1], family[1]) if rng.random() < 0.9 else "",
        birth_date=birth_date(), gender=gender(female), mobile=new_mobile(),
        email=new_email(first[1], family[1]) if rng.random() < 0.75 else "",
        username=new_username(first[1], family[1]) if rng.random() < 0.7 else "",
        preferred_language=language(), id_expiry=expiry_date() if rng.random() < 0.9 else "", notes="")
    cells.update(over)
    return cells


def resident(**over):
    female = rng.random() < 0.35
    first = rng.choice(R_FEMALE if female else R_MALE)
    family = rng.choice(R_FAMILY)
    cells = dict(
        iqama_number=new_id(2), name_en="%s %s" % (first[1], family[1]),
        name_ar="%s %s" % (first[0], family[0]) if rng.random() < 0.5 else "",
        nationality=rng.choice(NATIONALITIES), birth_date=birth_date(), gender=gender(female),
        mobile=new_mobile(), email=new_email(first[1], family[1]) if rng.random() < 0.6 else "",
        username=new_username(first[1], family[1]) if rng.random() < 0.6 else "",
        password=rng.choice(["Passw0rd!", "fake-secret-%d" % rng.randrange(1000), "Absher@2026", "x"]),
        preferred_language=language(), sponsor_id="", iqama_expiry=expiry_date() if rng.random() < 0.9 else "")
    cells.update(over)
    return cells


def sponsor(**over):
    cells = dict(sponsor_id=new_id(7), sponsor_type=rng.choice(["establishment", "منشأة", "Establishment", ""]),
                 name=rng.choice(ESTABLISHMENTS), mobile=new_mobile() if rng.random() < 0.7 else "",
                 email="")
    if rng.random() < 0.5:
        cells["email"] = "hr%d@%s" % (len(used_emails), rng.choice(["almarai.com", "nahdi.sa", "zamil.com.sa"]))
        used_emails.add(cells["email"])
    cells.update(over)
    return cells


def person_sponsor(person, id_column, **over):
    name = person["name_ar"] or person["name_en"]
    cells = dict(sponsor_id=person[id_column], sponsor_type=rng.choice(["individual", "فرد", "Individual", ""]),
                 name=name, mobile="", email="")
    cells.update(over)
    return cells


C = []  # citizens.csv rows
R = []  # residents.csv rows
S = []  # sponsors.csv rows


def ok(rows, cells, note=""):
    rows.append(Row(cells, [], note))
    return cells


def bad(rows, cells, rule, field, note):
    rows.append(Row(cells, [(rule, field)], note))
    return cells


# Plain, valid people first (every accepted spelling spread over them).
for _ in range(30):
    ok(C, citizen())
for _ in range(22):
    ok(R, resident())
sponsors_pool = [ok(S, sponsor()) for _ in range(18)]

# ---- citizens.csv defects, one finding each
bad(C, citizen(national_id="10234567"), "id.format", "national_id", "national ID of 8 digits")
bad(C, citizen(national_id="1A23456789"), "id.format", "national_id", "national ID with a letter")
bad(C, citizen(national_id=bad_check(new_id(1))), "id.checksum", "national_id", "wrong Luhn check digit")
bad(C, citizen(national_id=new_id(2)), "id.kind", "national_id", "a valid iqama number in citizens.csv")
bad(C, citizen(national_id=""), "required.missing", "national_id", "national ID empty")
bad(C, citizen(name_ar=""), "required.missing", "name_ar", "Arabic name empty")
bad(C, citizen(mobile=""), "required.missing", "mobile", "mobile empty")
bad(C, citizen(birth_date="  "), "required.missing", "birth_date", "birth date only spaces")
bad(C, citizen(mobile="0521234567"), "mobile.invalid", "mobile", "052 is not a mobile prefix")
bad(C, citizen(mobile="0112345678"), "mobile.invalid", "mobile", "Riyadh landline")
bad(C, citizen(mobile="0579912345"), "mobile.invalid", "mobile", "05799 is not a mobile prefix")
person_bad_email = bad(C, citizen(email="saad..harbi@gmail.com", username=""), "email.invalid", "email",
                       "doubled dot in e-mail (this person is also a sponsor)")
bad(C, citizen(email="noura.gmail.com"), "email.invalid", "email", "e-mail without @")
bad(C, citizen(username="1saad_h"), "username.invalid", "username", "username starts with a digit")
bad(C, citizen(username="abc"), "username.invalid", "username", "username shorter than 6")
bad(C, citizen(name_ar="محمد Ali الحربي"), "name.script", "name_ar", "Latin letters in the Arabic name")
bad(C, citizen(name_en="Khalid خالد Al-Harbi"), "name.script", "name_en", "Arabic letters in the English name")
bad(C, citizen(birth_date="1990-02-30"), "date.invalid", "birth_date", "30 February")
bad(C, citizen(birth_date="1420-13-05"), "date.invalid", "birth_date", "Hijri month 13")
bad(C, citizen(birth_date="1850-03-10"), "date.invalid", "birth_date", "year in neither calendar's range")
bad(C, citizen(birth_date="2026-11-26"), "date.future", "birth_date", "born the day after the run date")
bad(C, citizen(birth_date="1455-01-01"), "date.future", "birth_date", "Hijri birth date in 2033")
bad(C, citizen(gender="X"), "gender.invalid", "gender", "gender X")
bad(C, citizen(preferred_language="fr"), "language.invalid", "preferred_language", "language fr")
bad(C, citizen(id_expiry="2026-11-24"), "document.expired", "id_expiry", "ID expired the day before the run")
bad(C, citizen(id_expiry="1440-05-10"), "document.expired", "id_expiry", "ID expired in 2019 (Hijri date)")
ok(C, citizen(birth_date="2026-11-25", id_expiry="2026-11-25", username="", email=""),
   "boundary: born on the run date, expires on the run date (no finding)")
ok(C, citizen(name_en="  Turki   Bandar  Al-Yami ", notes='Moved from Jeddah\nto Riyadh, said "ok"'),
   "valid: spaces to collapse, notes cell quoted over two lines")
ok(C, citizen(email="ahmed+absher@مثال.السعودية"), "valid: internationalised e-mail domain")

# Identical repeats: warning on the 2nd and 3rd row only.
dup = citizen()
ok(C, dict(dup), "id.duplicate: first of three identical rows (no finding)")
bad(C, dict(dup), "id.duplicate", "national_id", "identical repeat of the row above")
bad(C, dict(dup), "id.duplicate", "national_id", "second identical repeat")
# Conflicting repeats: error on both rows.
conflict = citizen(username="")
C.append(Row(dict(conflict), [("id.duplicate-conflict", "national_id")], "same ID, different mobile (1 of 2)"))
C.append(Row(dict(conflict, mobile=new_mobile()), [("id.duplicate-conflict", "national_id")],
             "same ID, different mobile (2 of 2)"))
# Username claimed by a citizen and a resident (case differs): error on both.
dup_user_citizen = citizen(username="saad.alotaibi")
C.append(Row(dup_user_citizen, [("username.duplicate", "username")],
             "username also claimed by a resident (this person is also a sponsor)"))

# Shared mobile: 6 people (4 here, 2 in residents.csv) in six spellings; a 7th row with a field error
# claims nothing; another number held by exactly 5 people gives nothing.
shared_mobile = "551234567"
shared_forms = [mobile_form(shared_mobile, f) for f in (0, 2, 6, 4, 1, 7)]
used_mobiles.add(shared_mobile)
for form in shared_forms[:4]:
    C.append(Row(citizen(mobile=form), [("mobile.shared", "mobile")], "mobile shared by 6 people"))
bad(C, citizen(mobile=shared_forms[0], gender="unknown"), "gender.invalid", "gender",
    "7th holder of the shared mobile, but rejected for its gender: not counted")
five_mobile = "566667777"
used_mobiles.add(five_mobile)
for f in (0, 3, 8):
    ok(C, citizen(mobile=mobile_form(five_mobile, f)), "mobile held by exactly 5 people (no finding)")
# Shared e-mail: 6 people (3 here, 3 in residents.csv), domain case differs.
for domain in ("alrajhi-family.sa", "ALRAJHI-FAMILY.SA", "Alrajhi-Family.sa"):
    C.append(Row(citizen(email="info@" + domain), [("email.shared", "email")], "e-mail shared by 6 people"))
for _ in range(2):
    ok(C, citizen(email="contact@five-share.sa"), "e-mail held by exactly 5 people (no finding)")

for _ in range(8):
    ok(C, citizen())
sponsor_citizen = ok(C, citizen(), "valid; also an individual sponsor")
C.append(Row(None, [("row.malformed", "")], "one cell too many"))
C[-1].raw = ",".join(list(citizen().values()) + ["extra"])
C.append(Row(None, [("row.malformed", "")], "one cell too few"))
C[-1].raw = ",".join(list(citizen().values())[:-1])
for _ in range(4):
    ok(C, citizen())
C.append(Row(None, [("row.malformed", "")], "unterminated quote, runs to the end of the file"))
last = citizen()
C[-1].raw = ",".join([last["national_id"], '"' + last["name_ar"]] + list(last.values())[2:])

# ---- residents.csv
family_sponsor_resident = ok(R, resident(), "valid; also sponsors family members")
for cells in R:
    cells.cells["sponsor_id"] = rng.choice(sponsors_pool)["sponsor_id"]
rejected_sponsor = sponsor(mobile="0531234")  # sponsor row rejected (mobile.invalid)
def sp():
    return rng.choice(sponsors_pool)["sponsor_id"]
bad(R, resident(iqama_number="2123", sponsor_id=sp()), "id.format", "iqama_number", "iqama of 4 digits")
bad(R, resident(iqama_number=bad_check(new_id(2)), sponsor_id=sp()), "id.checksum", "iqama_number",
    "wrong Luhn check digit")
bad(R, resident(iqama_number=new_id(3), sponsor_id=sp()), "id.kind", "iqama_number",
    "valid border number (leading 3)")
bad(R, resident(iqama_number=new_id(1), sponsor_id=sp()), "id.kind", "iqama_number",
    "valid national ID in residents.csv")
bad(R, resident(name_en="", sponsor_id=sp()), "required.missing", "name_en", "English name empty")
bad(R, resident(nationality="", sponsor_id=sp()), "required.missing", "nationality", "nationality empty")
bad(R, resident(sponsor_id=""), "required.missing", "sponsor_id", "sponsor empty")
bad(R, resident(mobile="+966 52 123 4567", sponsor_id=sp()), "mobile.invalid", "mobile", "052 in +966 form")
bad(R, resident(email="ravi@localhost", sponsor_id=sp()), "email.invalid", "email", "one-label domain")
bad(R, resident(username="راهول123", sponsor_id=sp()), "username.invalid", "username", "non-ASCII username")
bad(R, resident(name_en="Rahul3 Kumar", sponsor_id=sp()), "name.script", "name_en", "digit in English name")
bad(R, resident(name_ar="راهول Kumar", sponsor_id=sp()), "name.script", "name_ar", "Latin in Arabic name")
bad(R, resident(birth_date="31/04/1995", sponsor_id=sp()), "date.invalid", "birth_date", "31 April")
bad(R, resident(nationality="SAU", sponsor_id=sp()), "nationality.invalid", "nationality", "SAU resident")
bad(R, resident(nationality="XXX", sponsor_id=sp()), "nationality.invalid", "nationality", "unassigned code")
bad(R, resident(nationality="IN", sponsor_id=sp()), "nationality.invalid", "nationality", "alpha-2 code")
bad(R, resident(gender="unknown", sponsor_id=sp()), "gender.invalid", "gender", "gender unknown")
bad(R, resident(preferred_language="urdu", sponsor_id=sp()), "language.invalid", "preferred_language", "urdu")
bad(R, resident(iqama_expiry="2025-01-15", sponsor_id=sp()), "document.expired", "iqama_expiry",
    "iqama expired in January 2025")
bad(R, resident(sponsor_id=new_id(7)), "sponsor.unknown", "sponsor_id", "establishment not in sponsors.csv")
bad(R, resident(sponsor_id=rejected_sponsor["sponsor_id"]), "sponsor.unknown", "sponsor_id",
    "sponsor whose sponsors.csv row is rejected (bad mobile)")
bad(R, resident(sponsor_id=C[0].cells["national_id"]), "sponsor.unknown", "sponsor_id",
    "a citizen of citizens.csv who is not in sponsors.csv")
ok(R, resident(sponsor_id=sponsor_citizen["national_id"]), "valid; sponsored by an individual citizen")
ok(R, resident(sponsor_id=family_sponsor_resident["iqama_number"]), "valid; sponsored by a resident")
rconf = resident(sponsor_id=sp())
R.append(Row(dict(rconf), [("id.duplicate-conflict", "iqama_number")], "same iqama, different nationality (1 of 2)"))
R.append(Row(dict(rconf, nationality="BGD" if rconf["nationality"] != "BGD" else "NPL"),
             [("id.duplicate-conflict", "iqama_number")], "same iqama, different nationality (2 of 2)"))
R.append(Row(resident(username="Saad.Alotaibi", sponsor_id=sp()), [("username.duplicate", "username")],
             "username also claimed by a citizen"))
for form in shared_forms[4:]:
    R.append(Row(resident(mobile=form, sponsor_id=sp()), [("mobile.shared", "mobile")], "mobile shared by 6 people"))
for form in (mobile_form(five_mobile, 12), mobile_form(five_mobile, 13)):
    ok(R, resident(mobile=form, sponsor_id=sp()), "mobile held by exactly 5 people (no finding)")
for domain in ("alrajhi-family.sa", "alrajhi-family.SA", "ALRAJHI-family.sa"):
    R.append(Row(resident(email="info@" + domain, sponsor_id=sp()), [("email.shared", "email")],
                 "e-mail shared by 6 people"))
for _ in range(3):
    ok(R, resident(email="contact@five-share.sa", sponsor_id=sp()), "e-mail held by exactly 5 people (no finding)")
R.append(Row(None, [("row.malformed", "")], "one cell too many"))
R[-1].raw = ",".join(list(resident(sponsor_id=sp()).values()) + ["extra"])
for _ in range(10):
    ok(R, resident(sponsor_id=sp()))

# ---- sponsors.csv
ok(S, person_sponsor(sponsor_citizen, "national_id", sponsor_type="فرد"), "individual citizen sponsor")
ok(S, person_sponsor(family_sponsor_resident, "iqama_number", sponsor_type="individual"),
   "individual resident sponsoring family")
ok(S, person_sponsor(dup, "national_id"), "citizen with identical repeated rows: known, no finding")
ok(S, person_sponsor(dup_user_citizen, "national_id"),
   "citizen rejected for username.duplicate still counts as known: no finding")
bad(S, person_sponsor(person_bad_email, "national_id"), "sponsor.person-unknown", "sponsor_id",
    "citizen whose row has a field error (bad e-mail): not known")
bad(S, person_sponsor(conflict, "national_id"), "sponsor.person-unknown", "sponsor_id",
    "citizen whose ID is a duplicate-conflict: not known")
bad(S, dict(person_sponsor(C[1].cells, "national_id"), sponsor_id=new_id(1), name="حمد سعد الهاجري"),
    "sponsor.person-unknown", "sponsor_id", "national ID in no citizens.csv row")
bad(S, dict(person_sponsor(C[2].cells, "national_id"), sponsor_id=new_id(2), name="Arif Khan"),
    "sponsor.person-unknown", "sponsor_id", "iqama in no residents.csv row")
bad(S, sponsor(sponsor_type="فرد"), "sponsor.type-mismatch", "sponsor_type", "establishment marked individual")
bad(S, person_sponsor(C[3].cells, "national_id", sponsor_type="establishment"), "sponsor.type-mismatch",
    "sponsor_type", "citizen marked establishment")
bad(S, sponsor(sponsor_type="company"), "sponsor.type-mismatch", "sponsor_type", "unknown sponsor type")
bad(S, sponsor(name=""), "required.missing", "name", "sponsor name empty")
S.append(Row(rejected_sponsor, [("mobile.invalid", "mobile")], "mobile of 7 digits (its resident: sponsor.unknown)"))
bad(S, sponsor(email="hr@company"), "email.invalid", "email", "one-label domain")
bad(S, sponsor(sponsor_id="70012345"), "id.format", "sponsor_id", "unified number of 8 digits")
bad(S, person_sponsor(C[4].cells, "national_id", sponsor_id=bad_check(new_id(1))), "id.checksum", "sponsor_id",
    "individual sponsor ID with wrong check digit")
bad(S, sponsor(sponsor_id=new_id(3), sponsor_type=""), "id.kind", "sponsor_id", "border number as sponsor")
sdup = sponsor()
ok(S, dict(sdup), "first of two identical rows")
sponsors_pool.append(sdup)
bad(S, dict(sdup), "id.duplicate", "sponsor_id", "identical repeat")
for _ in range(25):
    sponsors_pool.append(ok(S, sponsor()))
for row in R[-10:]:
    row.cells["sponsor_id"] = sdup["sponsor_id"] if row is R[-1] else sp()
ok(R, resident(sponsor_id=sp()))


# ---------------------------------------------------------------- writing
def csv_cell(value):
    if any(ch in value for ch in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


BLANK_LINES = {}


def write(name, header, columns, rows, newline="\n", bom=False, blank_after=None):
    out = []
    line = 2
    for position, row in enumerate(rows):
        row.line = line
        text = row.raw if row.raw is not None else ",".join(csv_cell(row.cells[c]) for c in columns)
        out.append(text + newline)
        line += 1 + text.count("\n")
        if blank_after == position:
            out.append(newline)
            BLANK_LINES[name] = line
            line += 1
    body = ",".join(header) + newline + "".join(out)
    with open(os.path.join(HERE, name), "wb") as handle:
        handle.write((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))


CIT_COLS = ["national_id", "name_ar", "name_en", "birth_date", "gender", "mobile", "email", "username",
            "preferred_language", "id_expiry", "notes"]
RES_COLS = ["iqama_number", "name_en", "name_ar", "nationality", "birth_date", "gender", "mobile", "email",
            "username", "password", "preferred_language", "sponsor_id", "iqama_expiry"]
RES_HEADER = ["Iqama Number", "name_en", "Name-AR", "nationality", "birth date", "gender", "mobile", "email",
              "username", "password", "preferred_language", "sponsor_id", " iqama_expiry "]
SPO_COLS = ["sponsor_id", "sponsor_type", "name", "mobile", "email"]
SPO_HEADER = ["رقم الكفيل", "نوع الكفيل", "الاسم", "رقم الجوال", "البريد الإلكتروني"]

write("citizens.csv", CIT_COLS, CIT_COLS, C, blank_after=14)
write("residents.csv", RES_HEADER, RES_COLS, R, newline="\r\n")
write("sponsors.csv", SPO_HEADER, SPO_COLS, S, bom=True)

findings = [("citizens.csv", 1, "header.unknown-column", "", "column `notes` is not known"),
            ("residents.csv", 1, "header.sensitive-column", "", "column `password` (fake values)")]
for name, rows in (("citizens.csv", C), ("residents.csv", R), ("sponsors.csv", S)):
    for row in rows:
        for rule, field in row.findings:
            findings.append((name, row.line, rule, field, row.note))
findings.sort(key=lambda f: (f[0], f[1], f[2]))
with open(os.path.join(HERE, "expected-findings.csv"), "w", encoding="utf-8", newline="\n") as handle:
    handle.write("file,line,rule,field\n")
    for name, line, rule, field, _ in findings:
        handle.write("%s,%d,%s,%s\n" % (name, line, rule, field))

notes = [(name, row.line, row.note) for name, rows in (("citizens.csv", C), ("residents.csv", R),
         ("sponsors.csv", S)) for row in rows if row.note and not row.findings]
with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as handle:
    handle.write(("""# Sample exports

Generated by `python3 SampleData/make_sample.py` (deterministic; Python standard library only).
Check them with

    absher-import validate SampleData --now 2026-11-25

which must report exactly the findings of `expected-findings.csv` (`file,line,rule,field`; `line`
is the physical line where the record starts, the header being line 1).

- `citizens.csv`: UTF-8, LF, English headers plus an unknown `notes` column; line %d is blank
  (skipped, still counted); one `notes` cell is quoted over two lines; the last record has an
  unterminated quote.
- `residents.csv`: UTF-8, CRLF, header names spelled loosely (`Iqama Number`, `Name-AR`,
  `birth date`, ` iqama_expiry `) and a `password` column with fake values.
- `sponsors.csv`: UTF-8 with BOM, Arabic header aliases.

Mobiles appear in every accepted spelling (`05…`, `5…`, `+9665…`, `9665…`, `009665…`, `+966 0 5…`,
spaces, dashes, dots, parentheses, Arabic-Indic and Extended Arabic-Indic digits); birth dates in
Gregorian and Hijri, ISO and day-first, some with Arabic-Indic digits or a trailing `H`/`هـ`.

## Rows with findings

| file | line | rule | field | what |
|---|---|---|---|---|
""") % BLANK_LINES["citizens.csv"])
    for name, line, rule, field, note in findings:
        handle.write("| %s | %d | `%s` | %s | %s |\n" % (name, line, rule, field, note))
    handle.write("\n## Rows that test a rule without a finding\n\n| file | line | what |\n|---|---|---|\n")
    for name, line, note in notes:
        handle.write("| %s | %d | %s |\n" % (name, line, note))
print("wrote %d citizens, %d residents, %d sponsors, %d expected findings"
      % (len(C), len(R), len(S), len(findings)))
