"""The catalogue of bad inputs (`tests/bad_inputs.py`): every case stops with exactly the messages
given here, each naming the file, the line, the entry and the field, and saying what was
expected; never a traceback, a hang or a silent success. The loaders are called directly; a few
full builds check that the same messages reach an editor through MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from thouez_edition.errors import DataError
from thouez_edition.text.load import load_data_and_text

from tests.bad_inputs import CASES, Case, Edit, edition_copy, pages_of

EXPECTED: dict[str, list[str]] = {
    'bytes that are not UTF-8': [
        'data/organizations.yml:15: holds the byte 0xE9 at column 13, which is not UTF-8; expected the file saved as UTF-8 text',
    ],
    'YAML syntax error': [
        "data/rcpms.yml:6: is not valid YAML: mapping values are not allowed here; expected YAML like the file's other entries (check the indentation, colons and quotes)",
    ],
    'a python tag': [
        'data/organizations.yml:6: iom.founded: carries the YAML tag !!python/name:os.system; expected a plain value without a tag',
    ],
    'a custom tag': [
        'data/citations.yml:8: nelson-2002.volume: carries the YAML tag !custom; expected a plain value without a tag',
    ],
    'a recursive anchor': [
        'data/glossary.yml:1: NGO: has unknown field self; expected only expansion, note, term',
        'data/glossary.yml:1: NGO.self: refers to itself through an alias; expected a value that ends',
    ],
    'an alias bomb': [
        'data/emendations.yml:5: expands to more than 200,000 values through its aliases; expected each alias (*name) to stand for a small part of the file',
    ],
    'too many aliases': [
        'data/glossary.yml:2004: uses more than 1000 aliases; expected few or none',
    ],
    'nesting too deep': [
        'data/glossary.yml:2: nests lists or mappings too deeply; expected at most 40 levels',
    ],
    'a list as a mapping key': [
        'data/paper.yml:1: thouez-2004.issued: is missing; this field is required',
        'data/paper.yml:10: thouez-2004: has a list as a key; expected a field name',
    ],
    'a key given twice, named by id': [
        'data/organizations.yml:19: berne-initiative.summary: is given twice in the same entry; expected each field once',
    ],
    'a nested key given twice': [
        'data/citations.yml:15: nelson-2002.sources[0].title: is given twice in the same entry; expected each field once',
    ],
    'a top-level key given twice': [
        'data/emendations.yml:12: changes: is given twice in the same entry; expected each field once',
    ],
    'a control character written as an escape': [
        'data/glossary.yml:2: NGO.expansion: holds U+0007, which is not a character of text; expected text without control characters',
    ],
    'a control character in the file': [
        'data/rcpms.yml:13: holds the character U+0007, which YAML does not allow; expected text without control characters',
    ],
    'a lone surrogate written as an escape': [
        'data/organizations.yml:8: iom.summary: holds U+D800, which is not a character of text; expected text without control characters',
    ],
    'an empty file': [
        'data/glossary.yml:1: is empty; expected a list of {term, expansion} entries',
    ],
    'two documents in one file': [
        "data/paper.yml:17: is not valid YAML: but found another document; expected YAML like the file's other entries (check the indentation, colons and quotes)",
    ],
    'an alias with no anchor': [
        "data/rcpms.yml:7: is not valid YAML: found undefined alias 'nowhere'; expected YAML like the file's other entries (check the indentation, colons and quotes)",
    ],
    'a missing data file': [
        'data/rcpms.yml: cannot be read (No such file or directory); expected a YAML file at this place',
    ],
    'a date without quotes stays text': [
        'data/citations.yml:10: nelson-2002.issued: is "2002-12-32", which is not a date of the calendar; expected a year (2003), or an ISO date or range as text ("2003-10", "2003-10-16", "2003-09-10/2003-09-14")',
    ],
    'an id with capitals and a space': [
        'data/organizations.yml:10: iom.relations[0].target: “berne-initiative” is not an id in either file; expected the id of an entry',
        'data/organizations.yml:14: [1].id: is "Berne Initiative"; expected a slug of lowercase letters, digits and hyphens, at most 64 characters',
    ],
    'an id of 300 characters': [
        'data/organizations.yml:10: iom.relations[0].target: “berne-initiative” is not an id in either file; expected the id of an entry',
        'data/organizations.yml:14: [1].id: is 300 characters long; expected a slug of lowercase letters, digits and hyphens, at most 64 characters',
    ],
    'an id that climbs out of its folder': [
        'data/citations.yml:17: [1].id: is "../../hrw"; expected a slug of lowercase letters, digits and hyphens, at most 64 characters',
    ],
    'an id that is a number': [
        'data/rcpms.yml:1: [0].id: is the number 1996; expected a slug of lowercase letters, digits and hyphens, at most 64 characters',
    ],
    "a repair kind's id that is not a slug": [
        'data/emendations.yml:2: silent_repairs[0].id: is "page_furniture!"; expected a slug of lowercase letters, digits and hyphens, at most 64 characters',
    ],
    'a javascript: address': [
        'data/organizations.yml:7: iom.website: is "javascript:alert(1)", which does not start with http:// or https://; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'a data: address': [
        'data/organizations.yml:7: iom.website: is "data:text/html,<script>alert(1)</script>", which holds an angle bracket; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address without a scheme': [
        'data/rcpms.yml:15: puebla-process.sources[0].url: is "//www.crmsv.org", which does not start with http:// or https://; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'a relative address': [
        'data/organizations.yml:12: iom.sources[0].url: is "about-iom.html", which does not start with http:// or https://; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with a space': [
        'data/citations.yml:24: hrw-website.URL: is "http://www.hrw.org/a b", which holds U+0020 (space); expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with a quote': [
        'data/organizations.yml:7: iom.website: is "https://www.iom.int/\\" onmouseover=\\"alert(1)", which holds a double quote; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with angle brackets': [
        'data/organizations.yml:20: berne-initiative.sources[0].url: is "https://www.iom.int/<script>alert(1)</script>", which holds an angle bracket; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address without a host': [
        'data/citations.yml:24: hrw-website.URL: is "http:///index.html", which has no host; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with a user name': [
        'data/organizations.yml:7: iom.website: is "https://www.iom.int@evil.example", which has a user name before its host; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with a bad port': [
        'data/rcpms.yml:15: puebla-process.sources[0].url: is "https://www.crmsv.org:99999/", which has a port that is not a number from 0 to 65535; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with a backslash': [
        'data/organizations.yml:12: iom.sources[0].url: is "https://evil.example\\\\@www.iom.int/", which holds a backslash; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with an invisible character': [
        'data/citations.yml:24: hrw-website.URL: is "http://www.hrw\\u202e.org", which holds U+202E (right-to-left override); expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'an address with a scheme in capitals': [
        'data/organizations.yml:7: iom.website: is "HTTPS://www.iom.int", which does not start with http:// or https://; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'a DOI with a quote': [
        'data/citations.yml:9: nelson-2002.DOI: is "10.1023/a\\"onclick"; expected a DOI such as 10.1023/A:1022062010375, without spaces, quotes or angle brackets',
    ],
    'a missing field': [
        "data/organizations.yml:14: berne-initiative.summary: is missing; expected a few sentences in the edition's own words",
    ],
    'a field of the wrong type': [
        'data/organizations.yml:6: iom.founded: is "nineteen fifty-one"; expected a year, as a whole number',
    ],
    'a value not in the list': [
        'data/organizations.yml:17: berne-initiative.kind: is "think-tank"; expected one of "operational-ingo", "advocacy-ingo", "civil-society-network", "regional-ngo", "faith-based-organization", "humanitarian-organization", "international-organization", "un-body", "eu-institution", "government-agency", "state-led-process", "commission", "conference", "programme", "academic", "unit", "working-group", "group-of-states", "governing-body"',
    ],
    'an unknown field': [
        'data/rcpms.yml:1: puebla-process: has unknown field colour; expected only acronym, aliases, established, id, members, members_as_of, name, ngo_participation, not_mentions, observers, official_name, paper_differs, region, relations, secretariat, secretariat_id, since_2004, sources, summary, website, wikidata',
    ],
    'a source with neither an address nor a passage': [
        'data/organizations.yml:12: iom.sources[0]: is none of the forms it may take; expected exactly one: a web page, given by its url and the day it was consulted; a passage of the paper, given by its anchor; or a document with no web address of its publisher, given by its symbol or reference and its kind',
    ],
    'a source with both an address and a passage': [
        'data/organizations.yml:12: iom.sources[0]: fits more than one of the forms it may take; expected exactly one: a web page, given by its url and the day it was consulted; a passage of the paper, given by its anchor; or a document with no web address of its publisher, given by its symbol or reference and its kind',
    ],
    'a source without a title': [
        "data/organizations.yml:12: iom.sources[0].title: is missing; expected the source's title, with who published it",
    ],
    'a name that is neither a person nor an organisation': [
        'data/citations.yml:5: nelson-2002.author[0]: is a mapping; expected a name, as {family, given} or {literal}',
    ],
    'a date in words': [
        'data/citations.yml:10: nelson-2002.issued: is "December 2002"; expected a year (2003), or an ISO date or range as text ("2003-10", "2003-10-16", "2003-09-10/2003-09-14")',
    ],
    'a work cited nowhere': [
        'data/citations.yml:25: hrw-website.cited_in: is empty; expected a list of {note, locator?}: every note that cites the work',
    ],
    "the paper's record of another type": [
        'data/paper.yml:2: thouez-2004.type: is "book"; expected "report"',
    ],
    'a language that is not a code': [
        'data/paper.yml:11: thouez-2004.language: is "English"; expected a language code such as en',
    ],
    'a glossary term without its expansion': [
        'data/glossary.yml:1: NGO.expansion: is missing; expected what it stands for',
    ],
    'a glossary term given twice': [
        'data/glossary.yml:3: NGO.term: is already defined by this file; expected each term once',
    ],
    "a glossary term that an entry's acronym defines": [
        'data/glossary.yml:1: IOM.term: is already defined by iom; expected each term once',
    ],
    'a change without its reason': [
        'data/emendations.yml:11: changes[0].reason: is missing; expected why the text was changed',
    ],
    'a repair that replaces a text with itself': [
        'data/emendations.yml:9: silent_repairs[spaced-full-stops].instances[0]: replaces a text with itself; expected a replacement that differs',
    ],
    "a repair kind's id given twice": [
        'data/emendations.yml:5: silent_repairs[page-furniture].id: repeats the id of entry 1; expected each id once',
    ],
    'a web source without the day it was consulted': [
        'data/organizations.yml:12: iom.sources[0].consulted: is missing; expected the day the page was read, as an ISO date such as 2026-12-06',
    ],
    'a consulted day that is not in the calendar': [
        'data/rcpms.yml:15: puebla-process.sources[0].consulted: is "2026-02-30", which is not a date of the calendar; expected the day the page was read, as an ISO date such as 2026-12-06',
    ],
    'a consulted day in words': [
        'data/rcpms.yml:15: puebla-process.sources[0].consulted: is "6 December 2026"; expected the day the page was read, as an ISO date such as 2026-12-06',
    ],
    'a consulted day given for a passage of the paper': [
        'data/organizations.yml:20: berne-initiative.sources[0].consulted: is given for a passage of the paper, which is not a web page; expected consulted only on a source with a url',
    ],
    'an archived copy on another site than the Internet Archive': [
        'data/organizations.yml:20: berne-initiative.sources[0].archived: is "https://archive.ph/abcde"; expected an Internet Archive copy of the page, https://web.archive.org/web/YYYYMMDDhhmmss/ followed by its address',
    ],
    'an archived copy without the date of the copy': [
        'data/organizations.yml:20: berne-initiative.sources[0].archived: is "https://web.archive.org/web/2004/https://www.iom.int/berne-…"; expected an Internet Archive copy of the page, https://web.archive.org/web/YYYYMMDDhhmmss/ followed by its address',
    ],
    'an archived copy of another address': [
        "data/organizations.yml:20: berne-initiative.sources[0].archived: is a copy of https://www.iom.int/other-page; expected a copy of the source's own address, https://www.iom.int/berne-initiative",
    ],
    'a document of an unknown kind': [
        'data/organizations.yml:20: berne-initiative.sources[0].kind: is "blog"; expected one of "primary", "igo", "government", "reference", "other"',
    ],
    'an identifier without its source': [
        'data/organizations.yml:8: iom.wikidata: has no source; expected a source that lists “wikidata” under supports',
    ],
    "a work's address on a site that copies others": [
        "data/citations.yml:24: hrw-website.URL: is on studylib.net, which copies other sites; expected a primary source: the body's own pages, an archived copy, an official document, a catalogue record or a reference work",
    ],
    "a work's source on a site that copies others": [
        "data/citations.yml:15: nelson-2002.sources[0].url: is on zbook.org, which copies other sites; expected a primary source: the body's own pages, an archived copy, an official document, a catalogue record or a reference work",
    ],
    "a work's archived copy of another address": [
        "data/citations.yml:15: nelson-2002.sources[0].archived: is a copy of https://doi.org/10.1023/other; expected a copy of the source's own address, https://doi.org/10.1023/A:1022062010375",
    ],
    "a work's web source without the day it was consulted": [
        "data/citations.yml:15: nelson-2002.sources[0].consulted: is missing; expected the day the page was read, as an ISO date such as 2026-12-06",
    ],
    'an alias claimed by two entries': [
        'data/organizations.yml:16: berne-initiative.aliases[1]: “IOM” is already an alias of iom; expected each name to belong to one entry',
    ],
    'a relation to an unknown id': [
        'data/organizations.yml:10: iom.relations[0]: has no source; expected a source that lists “secretariat-of:berne-process” under supports',
        'data/organizations.yml:10: iom.relations[0].target: “berne-process” is not an id in either file; expected the id of an entry',
        'data/organizations.yml:12: iom.sources[0].supports[5]: “secretariat-of:berne-initiative” is not a fact of this entry; expected one of acronym, kind, founded, website, summary, secretariat-of:berne-process',
    ],
    'a secretariat that is not an organisation': [
        'data/rcpms.yml:9: puebla-process.secretariat_id: “puebla-process” is not an id in data/organizations.yml; expected the id of an organisation',
    ],
    'an observer id that no entry has': [
        "data/rcpms.yml:8: puebla-process.observers[1]: “unhcr” looks like an id but no entry has it; expected an entry's id or a capitalised name",
    ],
    'an id used in both files': [
        'data/rcpms.yml:1: iom.id: is already the id of the entry at data/organizations.yml:1; expected a unique id',
    ],
    'an id used twice for works': [
        'data/citations.yml:17: nelson-2002.id: is already the id of the work at line 1; expected a unique id',
    ],
    'a work cited in a note the paper does not have': [
        'data/citations.yml:26: hrw-website.cited_in[0].note: is 59; expected a note of the paper, 1 to 3',
    ],
    'a locator the note does not give': [
        'data/citations.yml:13: nelson-2002.cited_in[1].locator: “p. 378” is not in note 3; expected the locator exactly as that note gives it for this work',
    ],
    'a work by an unknown organisation': [
        'data/citations.yml:20: hrw-website.actors[0]: “human-rights-watch” is not the id of an organisation or process; expected an id from data/organizations.yml or data/rcpms.yml',
    ],
    'kept words the text does not have': [
        "data/emendations.yml:13: kept[0].text: “words the paper never uses” is not in the edition's text; expected words exactly as they stand in a paragraph or note",
    ],
    'a page of the print out of order': [
        'data/pages.yml:11: page 4.number: is 4; expected 3, the page after page 2',
    ],
    'a page that begins in no passage or heading': [
        "data/pages.yml:11: page 3.at: “p99” is not a paragraph or heading of the text; expected an id such as p12, sn1 or a heading's id",
    ],
    'a page that begins with words its passage does not have': [
        'data/pages.yml:11: page 3.words: “Not here” is not in b; expected the first words of the page, once',
    ],
    "the edition's licence at a javascript: address": [
        'data/edition.yml:4: edition.licence.url: is "javascript:alert(1)", which does not start with http:// or https://; expected an http:// or https:// address with a host, without spaces, quotes, backslashes or angle brackets',
    ],
    'the edition without its editors': [
        'data/edition.yml:1: edition.editors: is missing; expected the editors, named as a body',
    ],
    'a schema file that is not JSON': [
        'data/schemas/glossary.schema.json:3: is not valid JSON: Expecting property name enclosed in double quotes at column 13; expected a JSON Schema',
    ],
    'a schema file that is not a schema': [
        'data/schemas/paper.schema.json:1: type: is not a valid JSON Schema: 12 is not valid under any of the given schemas; expected a schema of JSON Schema draft 2020-12',
    ],
    'a missing schema file': [
        'data/schemas/rcpms.schema.json: is missing; expected the JSON Schema of this data file',
    ],
    'one problem in each of five files, all reported': [
        'data/citations.yml:10: nelson-2002.issued: is "December 2002"; expected a year (2003), or an ISO date or range as text ("2003-10", "2003-10-16", "2003-09-10/2003-09-14")',
        'data/glossary.yml:1: NGO.expansion: is missing; expected what it stands for',
        'data/organizations.yml:6: iom.founded: is "nineteen fifty-one"; expected a year, as a whole number',
        'data/paper.yml:11: thouez-2004.language: is "English"; expected a language code such as en',
        'data/rcpms.yml:5: puebla-process.established: is "soon"; expected a year, as a whole number',
    ],
    'problems in the data and in the text, all reported': [
        'data/organizations.yml:6: iom.founded: is "nineteen fifty-one"; expected a year, as a whole number',
        'docs/paper/b.md:6: paragraph: has no id; expected one such as {#p4} on the line after it',
    ],
    'a marker without its note': [
        'docs/paper/b.md:7: [^4]: calls a note that this page does not have; expected a definition “[^4]: …” at the foot of the page',
    ],
    'a note without its marker': [
        'docs/paper/b.md:9: [^3]: is never called; expected a marker [^3] in the text of this page',
    ],
    'a note labelled with a word': [
        'docs/paper/b.md:4: [^three]: is a marker labelled “three”; expected the printed number of its note, such as [^12]',
        'docs/paper/b.md:9: [^three]: is a note labelled “three”; expected its printed number, such as [^12]:',
    ],
    'a marker labelled with a word': [
        'docs/paper/b.md:7: [^x]: is a marker labelled “x”; expected the printed number of its note, such as [^12]',
    ],
    'a note number used on two pages': [
        'docs/paper/b.md:9: [^2]: is already the label of the note at docs/paper/a.md:11; expected each note number once in the whole paper',
    ],
    'a note number used twice on a page': [
        'docs/paper/a.md:13: [^2]: is already the label of the note at docs/paper/a.md:11; expected each note number once in the whole paper',
    ],
    'notes out of print order': [
        'docs/paper/a.md:7: [^1]: is called after note 2; expected the notes called in print order',
        'docs/paper/a.md:9: [^2]: comes where note 1 was expected; expected the notes numbered 1, 2, 3 … without a gap',
        'docs/paper/a.md:11: [^1]: follows note 2; expected the notes in print order, each numbered higher than the one before',
    ],
    'a note number skipped': [
        'docs/paper/b.md:9: [^4]: comes where note 3 was expected; expected the notes numbered 1, 2, 3 … without a gap',
    ],
    'markers called out of order': [
        'docs/paper/a.md:7: [^1]: is called after note 2; expected the notes called in print order',
    ],
    'a marker inside a note': [
        'docs/paper/a.md:9: [^2]: is a marker inside note 1; expected markers in the text only, not in notes',
    ],
    'a paragraph without its id': [
        'docs/paper/b.md:6: paragraph: has no id; expected one such as {#p4} on the line after it',
    ],
    'a paragraph id used twice': [
        'docs/paper/b.md:7: {#p3}: is already the id of the paragraph at docs/paper/b.md:4; expected each paragraph id once',
    ],
    'paragraph ids out of reading order': [
        'docs/paper/a.md:7: {#p5}: comes where {#p2} was expected; expected paragraph ids p1, p2 … in reading order, without a gap',
    ],
    'a paragraph of the series note without its id': [
        'docs/index.md:10: paragraph: has no id; expected one such as {#sn2} on the line after it',
    ],
    'a paragraph without its id that begins with a link': [
        'docs/paper/b.md:6: paragraph: has no id; expected one such as {#p4} on the line after it',
    ],
    'a schema that refers to a schema that is not there': [
        'data/schemas/paper.schema.json:3: items.$ref: refers to nowhere.json#/$defs/id, which no schema in data/schemas defines; expected the name of a schema file there and the path of one of its definitions, such as common.schema.json#/$defs/id',
    ],
    'an alias that is a common lowercase word': [
        'data/organizations.yml:4: iom.aliases[2]: “to” is a common word, which would be taken for it wherever the paper uses the word; expected a name as the paper prints it, with its capitals',
    ],
    'an alias too short to be a name': [
        'data/organizations.yml:16: berne-initiative.aliases[1]: “B.” has fewer than 2 letters, too short to be a name; expected a name in full, as the paper prints it',
    ],
    'an alias all in lower case': [
        "data/organizations.yml:16: berne-initiative.aliases[1]: “berne initiative” is all in lower case, so it would match the paper's ordinary words; expected a name as the paper prints it, with its capitals",
    ],
    'a glossary term that is a common word': [
        'data/glossary.yml:1: the.term: “the” is a common word, which would be taken for it wherever the paper uses the word; expected an acronym as the paper prints it, with its capitals',
    ],
    'an alias found nowhere in the text': [
        'data/organizations.yml:16: berne-initiative.aliases[1]: “Bern Initiative” stands nowhere in the text; expected a name exactly as the paper prints it in a paragraph or note',
    ],
    'a glossary term found nowhere in the text': [
        'data/glossary.yml:3: RSD.term: “RSD” stands nowhere in the text; expected an acronym exactly as the paper prints it in a paragraph or note',
    ],
    'a name inside the name of an entry that is not its part': [
        "data/organizations.yml:4: iom.aliases[1]: “IOM” stands in p1 inside “IOM Berne Initiative”, a name of berne-initiative, which is not one of iom's parts; expected a relation part-of or convened-by from berne-initiative to iom (with its source) if the passage is about iom too, or an entry under not_mentions for p1 with the reason it does not mean iom",
    ],
    'a name declared no mention where it does not stand': [
        'data/organizations.yml:6: iom.not_mentions[0].passage: “IOM” does not stand in p2; expected a passage in which the name stands',
    ],
    "an acronym that is its entry's whole name": [
        'data/organizations.yml:2: iom.name: is “IOM”, the acronym itself, so the glossary would expand it by itself; expected the name in full',
    ],
    'kept words that stand twice': [
        "data/emendations.yml:13: kept[0].text: “p. 3” stands 2 times in the edition's text (fn:1, fn:3); expected words that stand once, so that the entry names one place: quote more of them",
    ],
    'a repair whose result is not in the text': [
        "data/emendations.yml:9: silent_repairs[spaced-full-stops].instances[0].replace: “www.y.org” is not in the edition's text; expected the words as the repair leaves them, exactly as they stand in a paragraph or note",
    ],
    'a repair whose words still stand in the text': [
        "data/emendations.yml:9: silent_repairs[spaced-full-stops].instances[0].find: “loosing out” still stands in the edition's text (p1); expected it replaced wherever it stands",
        "data/emendations.yml:9: silent_repairs[spaced-full-stops].instances[0].replace: “losing out” is not in the edition's text; expected the words as the repair leaves them, exactly as they stand in a paragraph or note",
    ],
    'a change whose result stands twice': [
        "data/emendations.yml:11: changes[0].replace: “Nelson” stands 2 times in the edition's text (fn:1, fn:3); expected words that stand once, so that the entry names one place: quote more of them",
    ],
}


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_data_and_text(root / "data", pages_of(root))
    return [str(problem) for problem in caught.value.problems]


def test_the_catalogue_is_large_and_every_case_has_its_messages() -> None:
    assert len(CASES) >= 60
    assert [case.name for case in CASES] == list(EXPECTED)
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_fixture_edition_is_valid(tmp_path: Path) -> None:
    edition = load_data_and_text(edition_copy(tmp_path, Case("valid", ())) / "data", pages_of(tmp_path))
    assert [passage.anchor for passage in edition.paper.passages] == [
        "sn1", "sn2", "p1", "p2", "fn:1", "fn:2", "p3", "p4", "fn:3",
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_exactly(tmp_path: Path, case: Case) -> None:
    assert problems_of(edition_copy(tmp_path, case)) == EXPECTED[case.name]


def test_every_problem_names_its_file_and_is_sorted_by_file_and_line(tmp_path: Path) -> None:
    for case in CASES:
        expected = EXPECTED[case.name]
        assert all(message.startswith(("data/", "docs/")) for message in expected), case.name
        where = [(message.split(":")[0], int(message.split(":")[1]) if message.split(":")[1].isdigit() else 0)
                 for message in expected]
        assert where == sorted(where), case.name


def build(root: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project's site with `root`'s data and text."""
    import shutil

    from tests.conftest import ROOT

    site = root / "project"
    site.mkdir()
    for name in ("mkdocs.yml", "CHANGELOG.md", "docs", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, site / name)
    shutil.copytree(root / "data", site / "data")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site / "site")],
        cwd=site, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.parametrize("name", ["an alias bomb", "one problem in each of five files, all reported"])
def test_a_build_with_bad_data_stops_with_every_message_and_no_traceback(tmp_path: Path, name: str) -> None:
    case = next(case for case in CASES if case.name == name)
    root = edition_copy(tmp_path / "edition", case)
    result = build(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for message in EXPECTED[name]:
        assert message in output
    count = len(EXPECTED[name])
    assert f"{count} problem{'s' if count != 1 else ''} in the edition's data:" in output


def test_a_lone_brace_in_a_work_stops_the_build_naming_its_line_and_field(tmp_path: Path) -> None:
    """BibTeX cannot hold a lone brace; the writer's refusal comes after the data is read (so with
    the edition's own data and text), and still names the file, the line, the entry and the field."""
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    title = '  title: "The Third Force: The Rise of Transnational Civil Society"'
    Edit("data/citations.yml", title, title[:-1] + ' {open"').apply(tmp_path)
    line = (ROOT / "data" / "citations.yml").read_text(encoding="utf-8").split("\n").index(title) + 1
    result = build(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert (f"data/citations.yml:{line}: florini-2000-third-force.title: record florini-2000-third-force: a {{ or }} "
            "in its text has no partner, and bibtex cannot hold a lone brace") in output, output
