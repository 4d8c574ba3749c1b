#!/usr/bin/env python3
"""Checks the printed pages of the seed round's documents, as `scripts/print-check`
renders them: reads each PDF's words and their boxes (`pdftotext -bbox`) and says,
per document, how many pages it has and what is wrong with them.

    scripts/pdf-layout.py DIR

DIR holds the PDFs (`NAME.FORMAT.pdf`, e.g. `summary.docx.pdf`), `rows.tsv` (item
id and text, a line each) and `departments.txt` (the short names), as
`examples/seed-documents.rs` writes them. Exit status 1 when any check fails.

What is checked, on every document:
- fits: every word lies inside the page, 3 pt clear of the edge (nothing cut off);
- no overlap: no two words cover each other (text running into the next row);
- size: the usual word is at least 7 pt tall (a sheet shrunk to fit is unreadable);
- rows whole: a page holding part of an item's text also holds the item's id (a
  table row split across pages leaves its tail on a page without its id);
and by kind of document:
- matrix: landscape; page 1 holds the table (header, every department, the first
  item); every page with items repeats the header;
- summary: page 1 holds the 監査概要; every page with items repeats the table header;
- departments: every page names its department (結果報告書（…）);
- all: the matrix's pages landscape, the others portrait.
Standard library only.
"""

import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "{http://www.w3.org/1999/xhtml}"


class Word:
    __slots__ = ("x0", "y0", "x1", "y1", "text")

    def __init__(self, element):
        self.x0, self.y0, self.x1, self.y1 = (
            float(element.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")
        )
        self.text = element.text or ""

    def size(self):
        """The type size: the box's height, or less where the box is taller than the
        type (Chromium's boxes span the line's height): a full-width character is as
        wide as the type is tall, others about half that."""
        ems = sum(
            1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in self.text
        )
        height = self.y1 - self.y0
        return min(height, (self.x1 - self.x0) / ems) if ems else height

    def centre(self):
        return (self.y0 + self.y1) / 2


class Page:
    def __init__(self, element):
        self.width = float(element.get("width"))
        self.height = float(element.get("height"))
        self.words = [Word(w) for w in element.iter(NS + "word")]
        self.text = "".join(w.text for w in self.words)

    def landscape(self):
        return self.width > self.height

    def has_word(self, text):
        return any(w.text == text for w in self.words)


def pages(pdf):
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    # The title may hold characters XML wants escaped; only the pages matter.
    body = out[out.index("<doc>") : out.index("</doc>") + len("</doc>")]
    root = ET.fromstring(
        body.replace("<doc>", f'<doc xmlns="{NS[1:-1]}">', 1)
    )
    return [Page(p) for p in root.iter(NS + "page")]


def overlap(a, b):
    """True when two words print over each other: side by side over a third of the
    narrower one, and their lines closer than 0.6 of the type size."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    narrower = min(a.x1 - a.x0, b.x1 - b.x0)
    if w <= 0 or w < 0.3 * narrower:
        return False
    return abs(a.centre() - b.centre()) < 0.6 * min(a.size(), b.size())


def read_rows(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        rows.append({"id": cells[0], "text": cells[1]})
    return rows


def belongs(word, texts, index):
    """True when `word` is a piece (of 5 characters or more) of item `index`'s text
    and of no other item's."""
    w = re.sub(r"\s", "", word.text)
    if len(w) < 5:
        return False
    owners = [i for i, t in enumerate(texts) if w in t]
    return owners == [index]


def check(name, pdf, rows, shorts):
    problems = []
    doc = pages(pdf)
    kind = name.split(".")[0]
    sizes = sorted(w.size() for p in doc for w in p.words if len(w.text) >= 2)
    median = sizes[len(sizes) // 2] if sizes else 0
    for n, page in enumerate(doc, 1):
        # A draft's watermark (下書き, 96 pt, rotated) is meant to lie over the text.
        words = [w for w in page.words if w.size() < 4 * median]
        for w in words:
            if w.x0 < 3 or w.y0 < 3 or w.x1 > page.width - 3 or w.y1 > page.height - 3:
                problems.append(f"page {n}: '{w.text}' runs off the page")
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if overlap(a, b):
                    problems.append(f"page {n}: '{a.text}' and '{b.text}' overlap")
    if median < 7:
        problems.append(f"text is {median:.1f} pt: shrunk to fit")
    texts = [row["text"] for row in rows]
    for index, row in enumerate(rows):
        for n, page in enumerate(doc, 1):
            holds_part = any(belongs(w, texts, index) for w in page.words)
            if holds_part and not page.has_word(row["id"]):
                problems.append(f"page {n}: part of row {row['id']} without its id (row split)")
    ids = {row["id"] for row in rows}
    # Pages of item tables; the 総評's figures name items too, in a list of their own.
    item_pages = [
        n
        for n, p in enumerate(doc, 1)
        if any(w.text in ids for w in p.words) and "総評のための集計" not in p.text
    ]
    if kind == "matrix":
        first = doc[0]
        if not first.landscape():
            problems.append("page 1 is portrait")
        missing = [s for s in ["項番", "監査内容", *shorts] if not first.has_word(s)]
        if missing or not first.has_word(rows[0]["id"]):
            problems.append(f"page 1 lacks the table (missing {missing or rows[0]['id']})")
        for n in item_pages:
            if "監査内容" not in doc[n - 1].text:
                problems.append(f"page {n}: items without the table header")
    if kind == "summary":
        if "監査概要" not in doc[0].text:
            problems.append("page 1 lacks the 監査概要")
        for n in item_pages:
            if "適正に実施している課" not in doc[n - 1].text:
                problems.append(f"page {n}: items without the table header")
        if any(p.landscape() for p in doc):
            problems.append("landscape pages in a portrait report")
    if kind == "departments":
        for n, page in enumerate(doc, 1):
            if not re.search(r"結果報告書（[^）]+）", page.text):
                problems.append(f"page {n}: no department heading")
    if kind == "all" and name.endswith(".html"):
        # The matrix comes first, up to the first department's report.
        in_matrix = True
        for n, page in enumerate(doc, 1):
            in_matrix = in_matrix and not re.search(r"結果報告書（[^）]+）", page.text)
            if in_matrix != page.landscape():
                problems.append(f"page {n}: {'matrix' if in_matrix else 'report'} page "
                                f"{'portrait' if in_matrix else 'landscape'}")
    return len(doc), problems


def main():
    folder = Path(sys.argv[1])
    rows = read_rows(folder / "rows.tsv")
    shorts = (folder / "departments.txt").read_text(encoding="utf-8").split()
    failed = False
    for pdf in sorted(folder.glob("*.pdf")):
        name = pdf.name[: -len(".pdf")]
        count, problems = check(name, pdf, rows, shorts)
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"print-check: {name}: {count} page(s), {status}")
        for problem in problems[:12]:
            print(f"    {problem}")
        if len(problems) > 12:
            print(f"    … and {len(problems) - 12} more")
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
