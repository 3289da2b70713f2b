#!/usr/bin/env python3
"""Derives the scrubber's shipped word lists from well-kept public sources. Run from this folder:

    python3 derive.py DATAFAKER_JAR DICT_DIR

DATAFAKER_JAR is net.datafaker:datafaker:2.7.0 from Maven Central (Apache License 2.0); DICT_DIR holds Debian's
wbritish and wamerican word lists (/usr/share/dict/british-english and american-english, from SCOWL, whose
licence permits copying with the copyright notice kept). Writes, in the scrubber's resource folder:
world-names.txt (name words of many origins: datafaker's locale name lists in Latin script, plus
supplement-names.txt), english-words.txt (the lower-case entries of both dictionaries) and places.txt
(datafaker's country and capital names). Needs PyYAML.
"""
import re
import sys
import zipfile

import yaml

OUT = "../main/resources/org/accord/gateway/redaction/scrub/"
LOCALES = ["en", "en-GB", "en-IE", "en-IN", "en-NG", "en-ZA", "en-PK", "en-PAK", "en-UG", "en-AU", "en-NZ", "en-CA",
           "en-US", "en-SG", "en-PH", "en-MS", "en-NEP", "pl", "tr", "vi", "fr", "de", "es", "it", "pt", "pt-BR", "nl",
           "ro-MD", "id", "sv", "nb-NO", "da-DK", "fi-FI", "hu", "cs", "sk", "hr", "lv", "et", "sq", "uz", "ca"]
NAME_KEYS = re.compile(r"^(first_name|last_name|male_first_name|female_first_name|neutral_first_name|"
                       r"first_name_male|first_name_female|last_name_male|last_name_female|male_last_name|female_last_name)$")
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+$")
PARTICLES = {"van", "der", "den", "de", "du", "da", "di", "le", "la", "von", "ter", "dos", "das", "del", "al", "el",
             "bin", "binti", "ibn", "ben", "mac", "nic", "ní", "ó", "uí", "mhic", "ua", "st", "janse"}
HEADER = "# {what}\n# Derived by gateway/src/names/derive.py from {source}. Do not edit by hand: change the sources and run it again.\n"


def words_of(value):
    if isinstance(value, str):
        if "#{" in value:
            return
        for part in value.replace(",", " ").split():
            yield part.strip()
    elif isinstance(value, list):
        for item in value:
            yield from words_of(item)


def name_lists(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and NAME_KEYS.match(key):
                yield from words_of(value)
            else:
                yield from name_lists(value)


def main(jar, dict_dir):
    names = set()
    places = set()
    with zipfile.ZipFile(jar) as z:
        for locale in LOCALES:
            for entry in z.namelist():
                if entry.endswith("/" + locale + ".yml") or entry == locale + ".yml" or entry.endswith("/" + locale + "/name.yml"):
                    data = yaml.safe_load(z.read(entry))
                    root = data.get(locale, {}).get("faker", {}) if isinstance(data, dict) else {}
                    names.update(w for w in name_lists(root.get("name", {})))
        country = yaml.safe_load(z.read("en/country.yml"))["en"]["faker"]["country"]
        for key in ("name", "capital"):
            for value in country[key]:
                places.update(value.replace("(", " ").replace(")", " ").replace(",", " ").split())
    with open("supplement-names.txt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                names.update(line.split())
    english = set()
    for name in ("british-english", "american-english"):
        with open(dict_dir + "/" + name, encoding="utf-8", errors="replace") as f:
            for line in f:
                word = line.strip()
                if len(word) >= 2 and re.fullmatch(r"[a-z]+", word):
                    english.add(word)
    kept = sorted({w for w in names if len(w) >= 2 and LATIN.match(w) and w.lower() not in PARTICLES
                   and not w.isupper()}, key=str.lower)
    with open("supplement-names.txt", encoding="utf-8") as f:
        supplement = {w.lower() for line in f if not line.startswith("#") for w in line.split()}
    places = sorted({p for p in places if len(p) >= 3 and p[0].isupper() and p.lower() not in english
                     and p.lower() not in supplement
                     and re.fullmatch(r"[A-Za-z\u00C0-\u024F'-]+", p)}, key=str.lower)
    write("world-names.txt", HEADER.format(what="Name words of many origins, one a line.",
          source="net.datafaker:datafaker 2.7.0 locale name lists (Apache License 2.0): " + ", ".join(LOCALES)
          + "\n# and gateway/src/names/supplement-names.txt"), kept)
    write("english-words.txt", HEADER.format(what="Lower-case English words, one a line: a name that is also one counts only in context.",
          source="Debian wbritish and wamerican 2020.12.07 (SCOWL; Copyright 2000-2020 Kevin Atkinson,\n# permission to use, copy, modify, distribute and sell granted without fee, notice kept)"), sorted(english))
    write("places.txt", HEADER.format(what="Words of country and capital names, which are never taken for people's names.",
          source="net.datafaker:datafaker 2.7.0 en/country.yml (Apache License 2.0)"), places)


def write(name, header, words):
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(header)
        for word in words:
            f.write(word + "\n")
    print(name, len(words))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
