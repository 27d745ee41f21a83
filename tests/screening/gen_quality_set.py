#!/usr/bin/python3
"""Generates the screening quality set, tests/screening/quality-set.csv (the eval-set.csv format).

Positives: every UN name and alias of the DPRK entries (un-dprk-names.csv, extracted from the UN
Consolidated List by un_dprk_names.py) whose entry is on the list the screener loads
(rules/un-dprk/designations.yaml), and, for each, the typos a clerk makes: two adjacent letters
swapped, a letter doubled, a letter dropped, a stray apostrophe, and (individuals) the hyphen of
the given name typed one letter off. Negatives: names that are not on the list, built from tables
of Korean, Chinese, Russian, Arabic and Western names (Korean also in Hangul, Russian also in
Cyrillic, Chinese also in Han characters); any that spells a listed name or alias is left out.
Random choices use a fixed seed, so the output is the same on every run:

    /usr/bin/python3 tests/screening/gen_quality_set.py > tests/screening/quality-set.csv

Standard library only.
"""
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEED = 1718

# --- the list the screener loads ---------------------------------------------------------------


def listed_names():
    """References on the screener's list and every name and alias it lists."""
    refs, names = set(), set()
    with open(os.path.join(ROOT, "rules/un-dprk/designations.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*- reference: (\S+)', line)
            if m:
                refs.add(m.group(1))
            m = re.match(r'\s*(?:name:|-)\s*"(.*)"\s*$', line)
            if m:
                names.add(m.group(1))
    return refs, names


def letters_key(name):
    """Case, punctuation and word breaks removed: 'Kim Chol-Su' and 'KIM CHOLSU' agree."""
    return re.sub(r"[^a-z]", "", name.lower())


def rough_key(name):
    """letters_key with the usual romanisation differences of Korean folded (roughly, and more
    than the screener does: a negative must not be a listed name in another spelling)."""
    words = []
    for w in re.findall(r"[a-z]+", name.lower()):
        for a, b in (("eo", "o"), ("eu", "u"), ("oo", "u"), ("ee", "i"), ("th", "t"), ("ph", "p"),
                     ("kh", "k"), ("j", "ch"), ("d", "t"), ("b", "p"), ("ng", "N"), ("g", "k"), ("N", "ng")):
            w = w.replace(a, b)
        if w.startswith("l"):
            w = "r" + w[1:]
        words.append(re.sub(r"([^aeiou])\1", r"\1", w))
    return "".join(words)


def one_slip(a, b):
    """Two adjacent letters swapped, or one letter dropped or added."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) != 1:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


# --- typos ---------------------------------------------------------------------------------------


def word_spans(name):
    return [m.span() for m in re.finditer(r"[A-Za-z]{2,}", name)]


def transpose(name, rng):
    spans = [s for s in word_spans(name) if s[1] - s[0] >= 3]
    if not spans:
        return None
    a, b = rng.choice(spans)
    i = rng.randrange(a, b - 1)
    if name[i].lower() == name[i + 1].lower():
        return None
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


def double(name, rng):
    spans = word_spans(name)
    if not spans:
        return None
    a, b = rng.choice(spans)
    i = rng.randrange(a, b)
    return name[:i + 1] + name[i] + name[i + 1:]


def drop(name, rng):
    spans = [s for s in word_spans(name) if s[1] - s[0] >= 4]
    if not spans:
        return None
    a, b = rng.choice(spans)
    i = rng.randrange(a + 1, b)  # clerks keep the first letter of a word
    return name[:i] + name[i + 1:]


def apostrophe(name, rng):
    spans = [s for s in word_spans(name) if s[1] - s[0] >= 3]
    if not spans:
        return None
    a, b = rng.choice(spans)
    i = rng.randrange(a + 1, b)
    return name[:i] + rng.choice("'’") + name[i:]


def move_hyphen(name, rng):
    """The break inside a two-syllable given name typed one letter off: Myong-Chin -> Myongc-hin."""
    m = re.search(r"([A-Za-z]+)[- ]([A-Za-z]+)$", name)
    if not m or " " not in name[:m.start(2)].strip() and "-" not in m.group(0):
        return None
    first, second = m.group(1), m.group(2)
    if rng.random() < 0.5 and len(second) > 2:
        first, second = first + second[0], second[1:]
    elif len(first) > 2:
        first, second = first[:-1], first[-1] + second
    else:
        return None
    return name[:m.start()] + first + "-" + second.lower()


TYPOS = [("typo-transposed", transpose), ("typo-doubled", double), ("typo-dropped", drop),
         ("typo-apostrophe", apostrophe), ("typo-hyphen", move_hyphen)]

# --- names that are not listed -------------------------------------------------------------------

KOREAN_SURNAMES = [("김", "Kim"), ("리", "Ri"), ("박", "Pak"), ("최", "Choe"), ("정", "Jong"), ("강", "Kang"),
                   ("조", "Jo"), ("윤", "Yun"), ("장", "Jang"), ("한", "Han"), ("림", "Rim"), ("오", "O"),
                   ("서", "So"), ("신", "Sin"), ("권", "Kwon"), ("황", "Hwang"), ("안", "An"), ("송", "Song"),
                   ("류", "Ryu"), ("홍", "Hong"), ("전", "Jon"), ("고", "Ko"), ("문", "Mun"), ("량", "Ryang"),
                   ("손", "Son"), ("배", "Pae"), ("백", "Paek"), ("허", "Ho"), ("남", "Nam"), ("심", "Sim"),
                   ("주", "Ju"), ("로", "Ro"), ("하", "Ha"), ("곽", "Kwak"), ("차", "Cha"), ("우", "U"),
                   ("민", "Min"), ("채", "Chae"), ("변", "Pyon"), ("지", "Ji"), ("엄", "Om"), ("탁", "Thak")]
KOREAN_SYLLABLES = [("철", "Chol"), ("영", "Yong"), ("수", "Su"), ("일", "Il"), ("남", "Nam"), ("호", "Ho"),
                    ("성", "Song"), ("혁", "Hyok"), ("명", "Myong"), ("광", "Kwang"), ("춘", "Chun"),
                    ("희", "Hui"), ("순", "Sun"), ("옥", "Ok"), ("금", "Kum"), ("미", "Mi"), ("향", "Hyang"),
                    ("진", "Jin"), ("학", "Hak"), ("식", "Sik"), ("만", "Man"), ("길", "Kil"), ("복", "Pok"),
                    ("덕", "Tok"), ("화", "Hwa"), ("창", "Chang"), ("준", "Jun"), ("룡", "Ryong"), ("은", "Un"),
                    ("석", "Sok"), ("경", "Kyong"), ("현", "Hyon"), ("태", "Thae"), ("범", "Pom"), ("웅", "Ung"),
                    ("재", "Jae"), ("상", "Sang"), ("훈", "Hun"), ("원", "Won"), ("국", "Kuk"), ("봉", "Pong"),
                    ("림", "Rim"), ("송", "Song"), ("련", "Ryon"), ("심", "Sim"), ("애", "Ae"), ("란", "Ran"),
                    ("정", "Jong"), ("동", "Tong"), ("기", "Ki"), ("선", "Son"), ("혜", "Hye"), ("주", "Ju")]
CHINESE_SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
                    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
                    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
                    ("高", "Gao"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
                    ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao")]
CHINESE_GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"), ("强", "Qiang"),
                 ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"), ("杰", "Jie"), ("涛", "Tao"),
                 ("明", "Ming"), ("超", "Chao"), ("秀", "Xiu"), ("英", "Ying"), ("华", "Hua"), ("平", "Ping"),
                 ("刚", "Gang"), ("辉", "Hui"), ("建", "Jian"), ("国", "Guo"), ("海", "Hai"), ("燕", "Yan"),
                 ("霞", "Xia"), ("鹏", "Peng"), ("飞", "Fei"), ("红", "Hong"), ("文", "Wen"), ("志", "Zhi")]
RUSSIAN_FIRST = ["Сергей", "Александр", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил", "Николай",
                 "Владимир", "Павел", "Юрий", "Олег", "Виктор", "Евгений", "Игорь", "Роман", "Максим"]
RUSSIAN_FIRST_F = ["Ольга", "Татьяна", "Елена", "Наталья", "Ирина", "Светлана", "Анна", "Мария", "Юлия"]
RUSSIAN_SURNAMES = ["Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов",
                    "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
                    "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров",
                    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Белов"]
RUSSIAN_PATRONYMICS = ["Сергеевич", "Александрович", "Иванович", "Петрович", "Николаевич", "Викторович"]
ARABIC_FIRST = ["Mohammed", "Ahmed", "Ali", "Hassan", "Hussein", "Omar", "Khalid", "Youssef", "Ibrahim",
                "Abdullah", "Mahmoud", "Mustafa", "Tariq", "Karim", "Samir", "Fatima", "Aisha", "Mariam",
                "Layla", "Zainab", "Nour", "Salma", "Bilal", "Hamza", "Walid", "Faisal", "Nabil", "Rami"]
ARABIC_FAMILY = ["Al-Rashid", "Haddad", "Mansour", "Nasser", "Khalil", "Saleh", "Hamdan", "Aziz", "Qasim",
                 "Farouk", "Al-Amin", "Darwish", "Barakat", "Suleiman", "Al-Masri", "Jaber", "Othman",
                 "Habib", "Al-Najjar", "Yassin", "Shaheen", "Awad", "Bakri", "Al-Tamimi", "Hijazi"]
LATIN_FIRST = ["John", "Maria", "Peter", "Anna", "Michael", "Laura", "Carlos", "Sofia", "Luca", "Pierre",
               "Hans", "Jan", "Pedro", "Elena", "Thomas", "Julia", "Marco", "Claire", "Erik", "Ingrid",
               "Pablo", "Lucia", "Tomasz", "Agnieszka", "Dirk", "Sanne", "James", "Emma", "Paolo", "Chiara"]
LATIN_SURNAMES = ["Smith", "Garcia", "Muller", "Rossi", "Dubois", "Jansen", "Silva", "Kowalski", "Novak",
                  "Hansen", "Brown", "Lopez", "Schmidt", "Bernard", "Ferrari", "Moreau", "Visser", "Santos",
                  "Nowak", "Larsen", "Taylor", "Martinez", "Weber", "Romano", "Lefebvre", "De Vries",
                  "Pereira", "Wisniewski", "Svoboda", "Nielsen", "Wilson", "Fernandez", "Fischer", "Ricci"]

BGN = dict(zip("абвгдезийклмнопрстуфхцчшщыэюяё",
               ["a", "b", "v", "g", "d", "ye", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                "u", "f", "kh", "ts", "ch", "sh", "shch", "y", "e", "yu", "ya", "yo"]))


def russian_latin(name):
    """A passport-style Latin spelling of a Russian name (close to BGN/PCGN)."""
    out = []
    for ch in name:
        low = ch.lower()
        if low in ("ь", "ъ"):
            continue
        lat = BGN.get(low, ch)
        if low == "е" and (not out or not out[-1][-1:].isalpha()):
            lat = "ye"
        elif low == "е":
            lat = "e"
        out.append(lat.capitalize() if ch != low else lat)
    return "".join(out)


def korean_name(rng):
    sur = rng.choice(KOREAN_SURNAMES)
    g1, g2 = rng.choice(KOREAN_SYLLABLES), rng.choice(KOREAN_SYLLABLES)
    key = letters_key(sur[1] + g1[1] + g2[1])
    style = rng.random()
    if style < 0.12:
        return sur[0] + g1[0] + g2[0], key
    if style < 0.45:
        return f"{sur[1]} {g1[1]} {g2[1]}", key
    if style < 0.8:
        return f"{sur[1]} {g1[1]}-{g2[1].lower()}", key
    return f"{sur[1]} {g1[1]}{g2[1].lower()}", key


def chinese_name(rng):
    sur = rng.choice(CHINESE_SURNAMES)
    given = [rng.choice(CHINESE_GIVEN) for _ in range(rng.choice((1, 2, 2)))]
    key = letters_key(sur[1] + "".join(g[1] for g in given))
    if rng.random() < 0.12:
        return sur[0] + "".join(g[0] for g in given), key
    return sur[1] + " " + "".join(g[1] for g in given).capitalize(), key


def russian_name(rng):
    female = rng.random() < 0.35
    first = rng.choice(RUSSIAN_FIRST_F if female else RUSSIAN_FIRST)
    sur = rng.choice(RUSSIAN_SURNAMES) + ("а" if female else "")
    parts = [first, sur]
    if rng.random() < 0.3:
        pat = rng.choice(RUSSIAN_PATRONYMICS)
        parts.insert(1, pat[:-2] + "на" if female else pat)
    cyr = " ".join(parts)
    lat = russian_latin(cyr)
    return (cyr if rng.random() < 0.2 else lat), letters_key(lat)


def arabic_name(rng):
    parts = [rng.choice(ARABIC_FIRST)]
    if rng.random() < 0.4:
        parts += ["bin", rng.choice(ARABIC_FIRST)]
    parts.append(rng.choice(ARABIC_FAMILY))
    name = " ".join(parts)
    return name, letters_key(name)


def latin_name(rng):
    name = f"{rng.choice(LATIN_FIRST)} {rng.choice(LATIN_SURNAMES)}"
    return name, letters_key(name)


CULTURES = [("nonlisted-korean", korean_name, 2200), ("nonlisted-chinese", chinese_name, 1000),
            ("nonlisted-russian", russian_name, 1000), ("nonlisted-arabic", arabic_name, 600),
            ("nonlisted-latin", latin_name, 600)]

HEADER = ["query", "country", "kind", "born", "imo", "as_of", "expected", "category", "note"]


def main():
    rng = random.Random(SEED)
    refs, listed_raw = listed_names()
    # Names in another script alone (a Chinese alias) have no Latin key: they are compared by
    # the romanisations of the generated names, never as an empty key.
    listed = ({letters_key(n) for n in listed_raw} | {rough_key(n) for n in listed_raw}) - {""}

    def is_listed(name, key):
        """A listed name, in any spelling, or one clerk's slip away from one: the positives
        require the screener to flag those, so they cannot count as false alerts."""
        keys = {key, rough_key(name), rough_key(key)} - {""}
        if keys & listed:
            return True
        return any(one_slip(k, l) for k in keys for l in listed)

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(HEADER)
    seen = set()

    def row(query, kind, expected, category, note):
        if (query, expected) in seen:
            return
        seen.add((query, expected))
        out.writerow([query, "", kind, "", "", "", expected, category, note])

    with open(os.path.join(HERE, "un-dprk-names.csv"), encoding="utf-8") as f:
        names = [r for r in csv.DictReader(f) if r["reference"] in refs]
    for r in names:
        kind = "individual" if r["kind"] == "individual" else "company"
        name = r["name"]
        row(name, kind, r["reference"], "un-" + ("primary" if r["source"] == "primary" else "alias"), r["source"])
        # A slip in an acronym ("NGC" for "NCG") makes another acronym: acronyms get no typos.
        acronym = re.fullmatch(r'"?[A-Z]{2,5}"?', name) is not None
        for category, typo in TYPOS:
            if acronym or (category == "typo-hyphen" and kind != "individual"):
                continue
            variant = typo(name, rng)
            if variant and variant != name:
                row(variant, kind, r["reference"], category, "of " + name)

    for category, make, count in CULTURES:
        made = 0
        while made < count:
            name, key = make(rng)
            if (name, "") in seen or is_listed(name, key):
                continue  # a listed name or alias, or one already made
            row(name, "individual", "", category, "")
            made += 1


if __name__ == "__main__":
    main()
