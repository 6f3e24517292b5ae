#!/usr/bin/env python3
"""Merges message pairs into messages/<area>/{nl,en}.json: `scripts/messages.py area key "nl" "en" ...`.
Keeps the files sorted and valid; the JSON files stay the source of truth."""
import json, sys, pathlib

def main(area, *pairs):
    if len(pairs) % 3:
        sys.exit('give key, nl, en triples')
    root = pathlib.Path(__file__).resolve().parent.parent / 'messages' / area
    root.mkdir(parents=True, exist_ok=True)
    for i, loc in ((1, 'nl'), (2, 'en')):
        p = root / f'{loc}.json'
        d = json.loads(p.read_text()) if p.exists() else {}
        d.pop('$schema', None)
        for j in range(0, len(pairs), 3):
            d[pairs[j]] = pairs[j + i]
        out = {'$schema': 'https://inlang.com/schema/inlang-message-format', **d}
        p.write_text(json.dumps(out, ensure_ascii=False, indent='\t') + '\n')

if __name__ == '__main__':
    main(*sys.argv[1:])
