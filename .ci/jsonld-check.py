"""Expands every JSON-LD block of a built site with pyld and checks that each
term it uses is schema.org's.

    python3 .ci/jsonld-check.py SITE

No network: the "https://schema.org" context is served from here as the
smallest context that means the same for our terms, {"@vocab":
"https://schema.org/"}; any other remote context is an error. The vocabulary
is rdflib's copy of schema.org (rdflib.namespace.SDO, generated from the
schema.org release files), so a misspelt or invented term fails.
Also: every page with a JSON twin (index.json beside it) has exactly one block.
"""
import json
import os
import sys
from html.parser import HTMLParser

from pyld import jsonld
from rdflib.namespace import SDO

SCHEMA = "https://schema.org/"
VOCABULARY = set(SDO.__annotations__)
CONTEXT = {"@context": {"@vocab": SCHEMA}}


def load_document(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise jsonld.JsonLdError("remote document refused (no network in tests)", "loading document failed", {"url": url})


class Blocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self.inside = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.blocks[-1] += data


def terms(node, out):
    """Every property IRI, type IRI and schema.org @id in an expanded document."""
    if isinstance(node, list):
        for item in node:
            terms(item, out)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                out.update(value if isinstance(value, list) else [value])
            elif key == "@id":
                if value.startswith(SCHEMA) or value.startswith("http://schema.org/"):
                    out.add(value)
            elif key == "@reverse":
                terms([value], out)
            elif not key.startswith("@"):
                out.add(key)
            if key not in ("@type", "@id", "@value", "@language"):
                terms(value, out)


def main(site):
    problems, used, pages, count = [], set(), 0, 0
    for folder, _, files in sorted(os.walk(site)):
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            parser = Blocks()
            parser.feed(open(path, encoding="utf-8").read())
            relative = os.path.relpath(path, site)
            has_twin = name == "index.html" and "index.json" in files
            if has_twin and len(parser.blocks) != 1:
                problems.append(f"{relative}: {len(parser.blocks)} JSON-LD blocks, expected one")
            pages += bool(parser.blocks)
            for text in parser.blocks:
                count += 1
                try:
                    expanded = jsonld.expand(json.loads(text), {"documentLoader": load_document})
                except Exception as error:  # pyld raises its own and json's errors
                    problems.append(f"{relative}: not JSON-LD: {error}")
                    continue
                if not expanded:
                    problems.append(f"{relative}: the block expands to nothing")
                found = set()
                terms(expanded, found)
                for term in sorted(found):
                    local = term.split("schema.org/", 1)[-1] if "schema.org/" in term else None
                    if local is None or local not in VOCABULARY:
                        problems.append(f"{relative}: '{term}' is not a schema.org term")
                used |= found
    for problem in problems[:50]:
        print("jsonld-check:", problem)
    local_names = sorted(t.split("/")[-1] for t in used)
    print(f"jsonld-check: {count} blocks in {pages} pages, {len(used)} terms: {' '.join(local_names)}")
    if count == 0:
        print("jsonld-check: no JSON-LD block found")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Site"))
