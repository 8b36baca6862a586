#!/usr/bin/env python3
"""Build resources/translations: lupdate over acrel_console -> .ts, fill zh_CN from the glossaries, lrelease -> .qm.

Glossaries: resources/translations/glossary/*.tsv, one file per area (ui.tsv, errors_core.tsv, ...), lines
`context<TAB>source<TAB>translation` (write a newline inside a text as \\n, a tab as \\t; '#' starts a
comment line). The foundation's files (errors_core.tsv, ui.tsv) hold every string that existed when they
were written; an area's own file (e.g. meters_ui.tsv) overrides them. A glossary entry wins over a translation already in the .ts; a translation made in Qt
Linguist and absent from every glossary is kept. English needs no translation: acrel_en.ts carries the
source text.

    .venv/bin/python scripts/build_translations.py            # update .ts and .qm, list unfinished
    .venv/bin/python scripts/build_translations.py --check    # only report unfinished zh_CN strings (exit 1)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "acrel_console"
TRANSLATIONS = ROOT / "resources" / "translations"
GLOSSARY_DIR = TRANSLATIONS / "glossary"
LANGUAGES = ("zh_CN", "en")
BASE_FILES = ("errors_core.tsv", "ui.tsv")  # the foundation's catch-all glossaries; area files override them


@dataclass(frozen=True)
class Unfinished:
    context: str
    source: str
    locations: tuple[str, ...]

    def __str__(self) -> str:
        where = ", ".join(self.locations[:2])
        text = f"{self.context}\t{self.source!r}\t({where})"
        if not self.context:
            # lupdate read tr("context", "text") as text + comment, or a helper hid the literal context.
            text += "\t<- no context: use QCoreApplication.translate(\"ctx\", \"text\") with literal arguments"
        return text


def tool(name: str) -> str:
    """A Qt tool from the project's venv (beside this Python), else from PATH."""
    beside = Path(sys.executable).with_name(name)
    venv = ROOT / ".venv" / "bin" / name
    for candidate in (beside, venv):
        if candidate.exists():
            return str(candidate)
    return name


def sources() -> list[Path]:
    """Every Python file of the package (lupdate's directory scan ignores .py, so list them)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load_glossary(folder: Path = GLOSSARY_DIR) -> dict[tuple[str, str], str]:
    """(context, source) -> translation from every .tsv.

    The foundation's catch-all files (BASE_FILES) cover every string that existed when they were written;
    an area's own file overrides them. Two area files translating one string differently is an error.
    """
    entries: dict[tuple[str, str], str] = {}
    origin: dict[tuple[str, str], str] = {}
    paths = sorted(folder.glob("*.tsv"), key=lambda p: (p.name not in BASE_FILES, p.name))
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path.name}:{number}: expected context<TAB>source<TAB>translation")
            key = (parts[0], _unescape(parts[1]))
            text = _unescape(parts[2])
            if key in entries and entries[key] != text:
                earlier = origin[key].split(":")[0]
                if path.name in BASE_FILES or earlier not in BASE_FILES:
                    raise SystemExit(f"{path.name}:{number}: {key} already translated differently in {origin[key]}")
            entries[key] = text
            origin[key] = f"{path.name}:{number}"
    return entries


def lupdate(ts_path: Path, language: str, locations: str = "relative") -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", locations, "-target-language", language,
           "-ts", str(ts_path)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)


def _set_translation(message: ET.Element, text: str) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    forms = translation.findall("numerusform")
    if message.get("numerus") == "yes":
        for form in forms or [ET.SubElement(translation, "numerusform")]:
            form.text = text
    else:
        translation.text = text
    translation.attrib.pop("type", None)


def _translation_text(message: ET.Element) -> str:
    translation = message.find("translation")
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    if forms:
        return "".join(f.text or "" for f in forms)
    return translation.text or ""


def resolve_context_calls(root: ET.Element) -> None:
    """Repair what lupdate makes of `tr("ctx", "text")` helpers outside a class (a function or variable named tr).

    lupdate reads such a call as source "ctx" with comment "text" under an empty context. The runtime
    asks translate("ctx", "text"), so the message is moved to context "ctx" with source "text". A call
    with a variable as its text (`tr("reports", column.header)`, "reports" being a known context) carries
    no literal and is dropped: the texts it translates are extracted where they are defined
    (QT_TRANSLATE_NOOP). Anything else under the empty context stays and is reported as unfinished.
    """
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    empty = contexts.get("")
    if empty is None:
        return
    last_file = ""
    for message in list(empty.iter("message")):
        last_file = next((loc.get("filename") or "" for loc in message.iter("location") if loc.get("filename")),
                         last_file)
        comment = message.find("comment")
        target_name = message.findtext("source") or ""
        if comment is None or not (comment.text or "") or not target_name.isidentifier():
            if comment is None and target_name in contexts:
                empty.remove(message)  # tr("ctx", variable) with a known ctx: nothing literal here
            continue  # anything else (e.g. a module-level tr("Yes")) stays and is reported
        empty.remove(message)
        target = contexts.get(target_name)
        if target is None:
            target = ET.SubElement(root, "context")
            ET.SubElement(target, "name").text = target_name
            contexts[target_name] = target
        if any((m.findtext("source") or "") == comment.text for m in target.iter("message")):
            continue  # already extracted under its real context
        moved = ET.SubElement(target, "message")
        if last_file:
            ET.SubElement(moved, "location", {"filename": last_file})
        ET.SubElement(moved, "source").text = comment.text
        ET.SubElement(moved, "translation", {"type": "unfinished"})
    if not list(empty.iter("message")):
        root.remove(empty)


def fill(ts_path: Path, language: str, glossary: dict[tuple[str, str], str]) -> list[Unfinished]:
    """Fill translations (zh_CN from the glossary, en from the source); return what stays unfinished."""
    tree = ET.parse(ts_path)
    resolve_context_calls(tree.getroot())
    missing: list[Unfinished] = []
    last_file = ""
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            last_file = next((loc.get("filename") for loc in message.iter("location") if loc.get("filename")),
                             last_file) or ""
            if language == "en":
                _set_translation(message, source)
            elif (name, source) in glossary:
                _set_translation(message, glossary[(name, source)])
            elif translation is not None and translation.get("type") == "unfinished" and _translation_text(message):
                translation.attrib.pop("type", None)  # translated in Linguist, not yet marked finished
            if message.find("translation") is None or not _translation_text(message) or (
                    message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")):
                locations = tuple(Path(loc.get("filename") or last_file).name
                                  + (f":{loc.get('line')}" if loc.get("line") else "")
                                  for loc in message.iter("location"))
                missing.append(Unfinished(name, source, locations))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def lrelease(ts_path: Path) -> Path:
    qm = ts_path.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts_path), "-qm", str(qm)], check=True, capture_output=True,
                   text=True)
    return qm


def build(out_dir: Path = TRANSLATIONS, release: bool = True) -> dict[str, list[Unfinished]]:
    """Update the .ts files in out_dir (and their .qm); return the unfinished messages per language."""
    glossary = load_glossary()
    result: dict[str, list[Unfinished]] = {}
    for language in LANGUAGES:
        ts = out_dir / f"acrel_{language}.ts"
        lupdate(ts, language)
        result[language] = fill(ts, language, glossary)
        if release:
            lrelease(ts)
    return result


def unfinished_zh_cn() -> list[Unfinished]:
    """Extract the package's strings afresh (in a temporary directory) and list the untranslated zh_CN ones."""
    with tempfile.TemporaryDirectory() as tmp:
        source = TRANSLATIONS / "acrel_zh_CN.ts"
        target = Path(tmp) / "acrel_zh_CN.ts"
        if source.exists():
            target.write_bytes(source.read_bytes())
        lupdate(target, "zh_CN", locations="absolute")
        return fill(target, "zh_CN", load_glossary())


def unused_glossary_entries(ts_path: Path = TRANSLATIONS / "acrel_zh_CN.ts") -> list[tuple[str, str]]:
    """Glossary keys that no longer match any string in the package (left over after a text changed)."""
    tree = ET.parse(ts_path)
    present = {(c.findtext("name") or "", m.findtext("source") or "")
               for c in tree.getroot().iter("context") for m in c.iter("message")}
    return sorted(key for key in load_glossary() if key not in present)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list unfinished zh_CN strings; change nothing")
    args = parser.parse_args(argv)
    missing = unfinished_zh_cn() if args.check else build()["zh_CN"]
    for item in missing:
        print(item)
    if not args.check:
        unused = unused_glossary_entries()
        for context, source in unused:
            print(f"unused glossary entry (its source text changed or went away): {context}\t{source!r}",
                  file=sys.stderr)
    print(f"{len(missing)} unfinished zh_CN string(s)", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
