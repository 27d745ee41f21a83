#!/usr/bin/python3
# Generates a large synthetic designation list (YAML) and a query set for list_scale_bench; fixed seed, output to a scratch dir.
"""Usage: gen_scale_list.py OUT_DIR [--names 1000000] [--queries 2000] [--seed 1718]

Writes OUT_DIR/scale-list.yaml (persons with Korean, Chinese, Russian, Arabic and Latin
names, companies, vessels; aliases; Han and Cyrillic original names for some) holding about
--names names and aliases, and OUT_DIR/scale-queries.txt: listed names and aliases with
typos (swapped, dropped, doubled or replaced letters, other word order, other hyphenation)
and names that are not listed, one per line, shuffled. The data is not committed: run this
to regenerate it.
"""
import argparse
import json
import os
import random

KO_SURNAMES = ("Kim Ri Pak Choe Jong Kang Cho Yun Jang Han O So Hwang An Ryu Song Hong Jon Ko Mun Yang Son "
               "Paek Ho Nam Sim No Ha Kwak Sin Chu Ku Min Rim Chae Won Cha Pang Kong Hyon Chon Yom Pyon Yo "
               "Sok Tak Ki Ma Myong Ok Chin Kye Pong").split()
KO_SYLLABLES = ("chol chun ryong song il yong hyok nam su myong kwang sok jin ho hui sun ok hwa gun jun min un "
                "hak man tae se gon dok chang hyon yon chang rim gil sam ryol chan kyong pyong hun jae sik u "
                "yu byong guk dong bok mu chi kum hye hyang mi ran suk young sang kyu ung gwang nyo").split()
KO_VARIANTS = {"Choe": ["Choi", "Chwe", "Ch'oe"], "Ri": ["Lee", "Yi", "Rhee"], "Pak": ["Park", "Bak"],
               "Jong": ["Chong", "Jung"], "Kang": ["Gang"], "Cho": ["Jo"], "Jang": ["Chang"], "Jon": ["Chon"],
               "Ryu": ["Yu", "Yoo"], "Rim": ["Lim", "Im"], "Kim": ["Gim"], "O": ["Oh"], "Ko": ["Koh"]}
ZH_SURNAMES = [("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
               ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"), ("Xu", "徐"), ("Sun", "孙"),
               ("Ma", "马"), ("Zhu", "朱"), ("Hu", "胡"), ("Guo", "郭"), ("He", "何"), ("Lin", "林"),
               ("Gao", "高"), ("Luo", "罗"), ("Zheng", "郑"), ("Liang", "梁"), ("Xie", "谢"), ("Song", "宋"),
               ("Tang", "唐"), ("Han", "韩"), ("Feng", "冯"), ("Deng", "邓"), ("Cao", "曹"), ("Peng", "彭")]
ZH_GIVEN = [("Wei", "伟"), ("Fang", "芳"), ("Min", "敏"), ("Jing", "静"), ("Li", "丽"), ("Qiang", "强"),
            ("Lei", "磊"), ("Jun", "军"), ("Yang", "洋"), ("Yong", "勇"), ("Yan", "艳"), ("Jie", "杰"),
            ("Tao", "涛"), ("Ming", "明"), ("Chao", "超"), ("Xiu", "秀"), ("Xia", "霞"), ("Ping", "平"),
            ("Gang", "刚"), ("Hua", "华"), ("Hui", "辉"), ("Jian", "建"), ("Guo", "国"), ("Tie", "铁"),
            ("San", "三"), ("Hong", "红"), ("Long", "龙"), ("Bo", "波"), ("Bin", "斌"), ("Hai", "海"),
            ("Xin", "鑫"), ("Peng", "鹏"), ("Fei", "飞"), ("Yu", "宇"), ("Hao", "浩"), ("Kai", "凯")]
RU_FIRST = ("Aleksandr Sergey Dmitriy Andrey Aleksey Maksim Evgeniy Ivan Mikhail Nikolay Vladimir Oleg Pavel "
            "Igor Yuriy Viktor Roman Artem Denis Anton Boris Gennadiy Konstantin Leonid Stanislav Timur "
            "Vadim Vasiliy Grigoriy Fedor").split()
RU_STEMS = ("Ivan Smirn Kuznets Pop Vasil Petr Sokol Mikhayl Novik Fedor Moroz Volk Alekse Lebed Semen Egor "
            "Pavl Kozl Stepan Nikola Orl Andre Makar Nikit Zakhar Zaits Solovy Borisov Yakovl Grigory Roman "
            "Vorobyov Sergeev Kuzmin Frolov Aleksandr Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov "
            "Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov "
            "Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov Mironov Krylov Kulikov Karpov").split()
AR_ISM = ("Muhammad Ahmad Ali Hassan Hussein Omar Abdullah Khalid Yusuf Ibrahim Mustafa Mahmoud Salim Said "
          "Hamza Bilal Tariq Faisal Nasser Abd-al-Rahman Abd-al-Aziz Sulayman Isa Musa Jamal Karim Walid "
          "Adil Rashid Hamid Samir Zayd Anwar Fahd Nabil Majid Ziyad Marwan Qasim").split()
AR_SPELL = {"Muhammad": ["Mohammed", "Mohamed", "Mohammad"], "Ahmad": ["Ahmed"], "Hussein": ["Husayn", "Hussain"],
            "Yusuf": ["Youssef", "Yousef"], "Omar": ["Umar"], "Mahmoud": ["Mahmud"], "Sulayman": ["Suleiman"],
            "Said": ["Saeed"], "Abdullah": ["Abdallah"], "Hassan": ["Hasan"]}
AR_PLACES = ("Tikrit Masr Baghdad Libya Yemen Sham Iraq Zawahir Qahtan Harb Shehr Ghamd Otaib Anbar Mosul "
             "Halab Hums Basr Najd Hijaz Tunis Jazair Sudan Kuwait Zarqa Mawsil Falluj Ramad Kirkuk Dayr "
             "Idlib Raqq Qatar Maghrib Hadram Shabw Aden Taizz Ibb Marib Jawf").split()
LA_FIRST = ("John Maria Carlos Jose Luis Pierre Jean Hans Peter Michael Anna Paolo Marco Giuseppe Antonio "
            "Francisco Manuel Juan Pedro Miguel Jorge Ricardo Fernando Andre Louis Henri Klaus Stefan Thomas "
            "Robert David James William Richard Charles Joseph Daniel Paul Mark George Kevin Brian Elena "
            "Sofia Isabel Carmen Lucia Ana Rosa Julia Laura").split()
LA_SUFFIX = "ez es ini ino ano ardi ello er mann son sen ov ic ovic ard ier eau ois ez".split()
SYL_C = "b c d f g h j k l m n p r s t v z br ch gr kr st tr sh".split()
SYL_V = "a e i o u ai ou ia".split()
GENERIC = ("Trading Shipping Investment Holding Industrial Mining Energy Logistics Maritime Technology Import "
           "Export Construction Engineering Chemical Resources Finance Development Services International "
           "General Commercial Group Enterprise").split()
LEGAL = ["Co Ltd", "Company", "Corporation", "LLC", "Limited", "JSC", "Inc", "GmbH", ""]
VESSEL_WORDS = ("Ocean Star Sea Glory Pearl Wind Dragon Phoenix Fortune Eagle Horizon Bright Golden Silver "
                "Blue Royal Orient Pacific Atlantic Victory Unity Harmony Spirit Crown Jade Lotus").split()
FLAGS = "KP PA LR MH SL TG KM MN CM TZ BZ VU SG HK CN RU".split()
CYR = [("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ch", "ч"), ("sh", "ш"), ("ya", "я"), ("yu", "ю"),
       ("ts", "ц"), ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
       ("z", "з"), ("i", "и"), ("y", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
       ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф")]



def imo_number(six_digits):
    """Six digits and their IMO check digit (the digits weighted 7..2, summed, mod 10): a real
    list's numbers pass the check, which the loader warns about otherwise."""
    digits = str(six_digits)
    check = sum(int(d) * w for d, w in zip(digits, range(7, 1, -1))) % 10
    return digits + str(check)

def word(rng, syllables):
    return "".join(rng.choice(SYL_C) + rng.choice(SYL_V) for _ in range(syllables))


def cyrillic(latin):
    out, s, i = [], latin.lower(), 0
    while i < len(s):
        for lat, cyr in CYR:
            if s.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(s[i] if s[i] == " " else "")
            i += 1
    return " ".join(w.capitalize() for w in "".join(out).split())


class Generator:
    def __init__(self, rng):
        self.rng = rng
        # Wider surname pools than the common ones: a real list's names are mostly distinct.
        self.ru_surnames = [s + rng.choice(["ov", "ev", "in", "sky", "enko", ""]) for s in RU_STEMS]
        self.ru_surnames += [word(rng, 2).capitalize() + rng.choice(["ov", "ev", "in", "enko"]) for _ in range(3000)]
        self.la_surnames = [word(rng, rng.choice([1, 2, 2, 3])).capitalize() + rng.choice(LA_SUFFIX) for _ in range(20000)]
        self.co_words = [word(rng, rng.choice([2, 2, 3])).capitalize() for _ in range(30000)]

    def korean(self):
        r = self.rng
        sur = r.choice(KO_SURNAMES) if r.random() < 0.6 else r.choice(KO_SURNAMES[:8])
        a, b = r.choice(KO_SYLLABLES), r.choice(KO_SYLLABLES)
        name = f"{sur.upper()} {a.upper()} {b.upper()}"
        aliases = []
        if r.random() < 0.5:
            aliases.append(f"{r.choice(KO_VARIANTS.get(sur, [sur]))} {a.capitalize()}-{b}")
        if r.random() < 0.3:
            aliases.append(f"{a.capitalize()}{b} {sur}")
        return "individual", name, aliases, []

    def chinese(self):
        r = self.rng
        (s, sh), given = r.choice(ZH_SURNAMES), [r.choice(ZH_GIVEN) for _ in range(r.choice([1, 2, 2]))]
        g = "".join(p for p, _ in given)
        name = f"{s.upper()} {g.upper()}"
        aliases = [f"{g.capitalize()} {s}"] if r.random() < 0.3 else []
        original = [sh + "".join(h for _, h in given)] if r.random() < 0.1 else []
        return "individual", name, aliases, original

    def russian(self):
        r = self.rng
        first, sur = r.choice(RU_FIRST), r.choice(self.ru_surnames)
        father = r.choice(RU_FIRST)
        patronymic = father.rstrip("iy") + ("evich" if father[-1] in "yi" else "ovich")
        name = f"{sur.upper()} {first.upper()} {patronymic.upper()}"
        aliases = [f"{first} {sur}"] if r.random() < 0.4 else []
        original = [cyrillic(f"{sur} {first} {patronymic}")] if r.random() < 0.1 else []
        return "individual", name, aliases, original

    def arabic(self):
        r = self.rng
        ism, father, grand = r.choice(AR_ISM), r.choice(AR_ISM), r.choice(AR_ISM)
        nisba = "al-" + r.choice(AR_PLACES) + r.choice(["i", "awi", "ani", "i"])
        name = f"{ism} {r.choice(['bin', 'ibn'])} {father} {grand} {nisba}".upper()
        aliases = []
        if r.random() < 0.5:
            aliases.append(f"{r.choice(AR_SPELL.get(ism, [ism]))} {father} {nisba.capitalize()}")
        if r.random() < 0.3:
            aliases.append(f"Abu {r.choice(AR_ISM)} {nisba}")
        return "individual", name, aliases, []

    def latin(self):
        r = self.rng
        first, sur = r.choice(LA_FIRST), r.choice(self.la_surnames)
        middle = f" {r.choice(LA_FIRST)}" if r.random() < 0.3 else ""
        name = f"{first}{middle} {sur}".upper()
        aliases = [f"{sur}, {first}"] if r.random() < 0.2 else []
        return "individual", name, aliases, []

    def company(self):
        r = self.rng
        words = [r.choice(self.co_words) for _ in range(r.choice([1, 1, 2]))]
        core = " ".join(words + [r.choice(GENERIC)] + ([r.choice(GENERIC)] if r.random() < 0.3 else []))
        name = f"{core} {r.choice(LEGAL)}".strip().upper()
        aliases = []
        if r.random() < 0.3:
            aliases.append("".join(w[0] for w in core.split()).upper())
        if r.random() < 0.3:
            aliases.append(f"{' '.join(words)} {r.choice(GENERIC)} {r.choice(LEGAL)}".strip())
        return "entity", name, aliases, []

    def vessel(self):
        r = self.rng
        name = f"{r.choice(VESSEL_WORDS)} {r.choice(self.co_words)}".upper()
        if r.random() < 0.4:
            name += f" {r.randint(1, 99)}"
        aliases = [f"{r.choice(self.co_words)} {r.choice(VESSEL_WORDS)}".upper()] if r.random() < 0.3 else []
        return "vessel", name, aliases, []


def typo(rng, text):
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if not letters:
        return text
    i = rng.choice(letters)
    op = rng.choice(["swap", "drop", "double", "replace", "order", "hyphen"])
    if op == "swap" and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if op == "drop":
        return text[:i] + text[i + 1:]
    if op == "double":
        return text[:i] + text[i] + text[i:]
    if op == "replace":
        return text[:i] + rng.choice("aeiounrstl") + text[i + 1:]
    words = text.split()
    if op == "order" and len(words) > 1:
        return " ".join(words[1:] + words[:1])
    if op == "hyphen" and len(words) > 2:
        return " ".join(words[:-2]) + " " + words[-2] + "-" + words[-1].lower()
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--names", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1718)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    gen = Generator(rng)
    kinds = [(gen.korean, 20), (gen.chinese, 15), (gen.russian, 15), (gen.arabic, 15), (gen.latin, 15),
             (gen.company, 15), (gen.vessel, 5)]
    makers = [m for m, w in kinds for _ in range(w)]
    os.makedirs(args.out_dir, exist_ok=True)
    listed = []  # (name, kind) for queries
    names = entries = 0
    q = json.dumps
    with open(os.path.join(args.out_dir, "scale-list.yaml"), "w", encoding="utf-8") as out:
        out.write('designations:\n  name: "scale-bench"\n  snapshot: 2026-01-01\n'
                  '  source: "synthetic list for list_scale_bench"\n  regime: "SCALE"\n  entries:\n')
        while names < args.names:
            kind, name, aliases, original = rng.choice(makers)()
            entries += 1
            names += 1 + len(aliases)
            out.write(f'    - reference: "SC.{entries:07d}"\n      kind: {kind}\n      name: {q(name, ensure_ascii=False)}\n')
            if aliases:
                out.write("      aliases:\n" + "".join(f"        - {q(a, ensure_ascii=False)}\n" for a in aliases))
            if original:
                out.write("      original_names:\n" + "".join(f"        - {q(o, ensure_ascii=False)}\n" for o in original))
            if kind == "individual" and rng.random() < 0.7:
                out.write(f'      born: ["{rng.randint(1940, 2000)}"]\n')
            out.write(f"      listed_on: 20{rng.randint(10, 25):02d}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n")
            if kind == "vessel":
                out.write(f'      imo: "{imo_number(rng.randint(700000, 999999))}"\n      flag: {rng.choice(FLAGS)}\n')
            if rng.random() < 0.001 or len(listed) < 50:
                listed.append(name)
            for a in aliases:
                if rng.random() < 0.0005:
                    listed.append(a)
    queries = []
    for i in range(args.queries):
        if i % 10 < 7 and listed:
            text = rng.choice(listed)
            for _ in range(rng.choice([0, 1, 1, 2])):
                text = typo(rng, text)
        else:
            text = rng.choice(makers)()[1]
            text = typo(rng, text)
        queries.append(text)
    rng.shuffle(queries)
    with open(os.path.join(args.out_dir, "scale-queries.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(queries) + "\n")
    print(f"{entries} entries, {names} names and aliases; {len(queries)} queries")


if __name__ == "__main__":
    main()
