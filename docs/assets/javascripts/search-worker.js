// The edition's search, in a worker so that building the index and searching never hold up the
// page. MiniSearch (vendor/minisearch, MIT licence) searches the edition's index
// (search/search_index.json, made by the build) the way a reader of an edition searches:
// - words, with accents and case folded, British and American spellings joined, and one slip
//   (a letter missing, extra, wrong or swapped) forgiven in a word of five letters or more,
//   ranked below the word as typed;
// - citations: "n. 25", "p. 12", "pp. 11–12", "¶ 31" go to that note, the start of that page of
//   the print, that paragraph;
// - names: a body's name, acronym or a name the paper gives it brings its profile first.
// search.js sends {id, query} and draws what comes back: each hit's label and an excerpt, as
// pieces of text with the words that matched marked, never as markup.
"use strict";

importScripts("vendor/minisearch/index.js");

const STOP_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on",
  "or", "that", "the", "this", "to", "was", "were", "with",
]);
// What a hit is weighs in its rank: the paper's own passages first for the same words.
const KIND_WEIGHT = { paragraph: 1, note: 1, "series-note": 1, profile: 0.5, work: 0.6, term: 0.6, page: 0.4 };
// Records whose title is a label (where the passage stands), not words to find.
const LABELLED = new Set(["paragraph", "note", "series-note", "page-start"]);
const FIELD_BOOST = { names: 0.6, title: 2, text: 1 };
// Words this long or longer forgive one slip; a slip weighs this much of the word as typed.
const SLIP_LENGTH = 5;
const SLIP_WEIGHT = 0.3;
const PREFIX_WEIGHT = 0.4;
const MAX_HITS = 100;
const EXCERPT_WORDS = 36;
const CITATIONS = [
  ["n", /^(?:n|nn|notes?|fns?|footnotes?)\.?\s*(\d+)$/i],
  ["p", /^(?:p|pp|pg|pages?)\.?\s*(\d+)(?:\s*[-–—]\s*\d+)?$/i],
  ["para", /^(?:¶|¶¶|paras?|paragraphs?|par)\.?\s*(\d+)$/i],
];
const WORD_PIECES = /([\p{L}\p{N}]+)/u;
const SEPARATORS = /[\p{Z}\p{P}\p{S}\s]+/u;

let ready = null;

function fold(word) {
  return word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

function termOf(spellings) {
  return function (word) {
    const folded = fold(word);
    if (STOP_WORDS.has(folded) || (folded.length < 2 && !/\d/.test(folded))) return null;
    return Object.prototype.hasOwnProperty.call(spellings, folded) ? spellings[folded] : folded;
  };
}

function nameKey(name) {
  return fold(name).split(SEPARATORS).filter(Boolean).join(" ");
}

async function load(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const data = await response.json();
  const term = termOf(data.spellings || {});
  const docs = data.docs.map((doc, id) => Object.assign({ id }, doc));
  const engine = new MiniSearch({
    fields: ["names", "title", "text"],
    processTerm: term,
    extractField(doc, field) {
      if (field === "names") return (doc.names || []).join(" ; ");
      // A profile's title is its body's name, found among its names.
      if (field === "title") return LABELLED.has(doc.kind) || doc.names ? "" : doc.title;
      return doc[field];
    },
    searchOptions: { processTerm: (word) => word },
  });
  // A page's start is found by its citation only.
  engine.addAll(docs.filter((doc) => doc.kind !== "page-start"));
  const names = new Map();
  for (const doc of docs) for (const name of doc.names || []) names.set(nameKey(name), doc.id);
  const ids = new Map(docs.map((doc) => [doc.location, doc.id]));
  return { engine, docs, term, names, ids, citations: data.citations || {} };
}

// The word with two neighbouring letters swapped, each way: one slip that is two edits.
function swaps(word) {
  const found = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) found.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return found;
}

function citation(index, query) {
  for (const [kind, pattern] of CITATIONS) {
    const match = pattern.exec(query.trim());
    if (match) {
      const id = (index.citations[kind] || {})[String(Number(match[1]))];
      return id === undefined ? { missing: true } : { id };
    }
  }
  return null;
}

function searchWords(index, query) {
  const words = query.split(SEPARATORS).filter(Boolean);
  const terms = [...new Set(words.map(index.term).filter(Boolean))];
  if (!terms.length) return [];
  // While a reader types, the last word may be unfinished.
  const typing = !/\s$/.test(query);
  // A slip is forgiven only in a word the index does not hold as typed ("Risse" is a name, not a
  // slip for "rise").
  const held = (term, i) => index.engine.search({ queries: [term] }, {
    fuzzy: false, prefix: typing && i === terms.length - 1, boostDocument: undefined,
  }).length > 0;
  const slips = terms.map((term, i) => term.length >= SLIP_LENGTH && !held(term, i));
  const variants = terms.map((term, i) => (slips[i] ? swaps(term) : []));
  const found = index.engine.search({
    combineWith: "OR",
    queries: terms.map((term, i) => ({
      combineWith: "OR",
      queries: [
        {
          queries: [term],
          fuzzy: slips[i] ? 1 : 0,
          maxFuzzy: 1,
          prefix: typing && i === terms.length - 1,
        },
        ...(variants[i].length ? [{ queries: variants[i], boostTerm: () => SLIP_WEIGHT }] : []),
      ],
    })),
  }, {
    boost: FIELD_BOOST,
    weights: { fuzzy: SLIP_WEIGHT, prefix: PREFIX_WEIGHT },
    boostDocument: (id) => KIND_WEIGHT[index.docs[id].kind] || KIND_WEIGHT.page,
  });
  // Hits that hold every word first, then by score.
  const wordsHeld = (hit) => terms.filter((term, i) => (
    hit.queryTerms.includes(term) || variants[i].some((variant) => hit.queryTerms.includes(variant))
  )).length;
  return found
    .map((hit) => ({ hit, held: wordsHeld(hit) }))
    .sort((a, b) => b.held - a.held || b.hit.score - a.hit.score)
    .map(({ hit }) => Object.assign(hit, { marked: markedTerms(terms, slips, hit.terms, typing) }));
}

// Whether two words are one slip apart: a letter missing, extra, wrong, or two swapped.
function oneSlip(a, b) {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1)
      || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

// The words of a hit to mark: for each word of the query, the hit's words that are it (or begin
// with it, while it is typed), or for a word with a slip, the words one slip away.
function markedTerms(terms, slips, hitTerms, typing) {
  const marked = new Set();
  terms.forEach((term, i) => {
    const last = typing && i === terms.length - 1;
    const same = hitTerms.filter((word) => word === term || (last && word.startsWith(term)));
    const near = slips[i] ? hitTerms.filter((word) => oneSlip(word, term)) : same;
    near.forEach((word) => marked.add(word));
  });
  return [...marked];
}

// A text as pieces [words, matched], the matched words those whose term is in `matched`; with
// `excerpt`, only some words around the first match.
function pieces(index, text, matched, excerpt) {
  const parts = text.split(WORD_PIECES);
  const marked = parts.map((part, i) => i % 2 === 1 && matched.has(index.term(part)));
  let start = 0;
  let end = parts.length;
  if (excerpt) {
    const first = Math.max(0, marked.indexOf(true));
    const wordsBefore = 8;
    start = Math.max(0, first - 2 * wordsBefore);
    start -= start % 2;
    end = Math.min(parts.length, start + 2 * EXCERPT_WORDS);
  }
  const shown = [];
  if (start > 0) shown.push(["… ", false]);
  for (let i = start; i < end; i++) {
    if (!parts[i]) continue;
    const last = shown[shown.length - 1];
    if (last && last[1] === marked[i] && !marked[i]) last[0] += parts[i];
    else shown.push([parts[i], marked[i]]);
  }
  if (end < parts.length) shown.push([" …", false]);
  return shown;
}

function describe(index, id, matchedTerms) {
  const doc = index.docs[id];
  const matched = new Set(matchedTerms);
  const words = new Set(doc.text.split(WORD_PIECES).filter((part, i) => i % 2 === 1 && matched.has(index.term(part))).map(fold));
  return {
    location: doc.location,
    kind: doc.kind,
    title: LABELLED.has(doc.kind) ? [[doc.title, false]] : pieces(index, doc.title, matched, false),
    text: pieces(index, doc.text, matched, true),
    // The words to mark on the page the hit opens.
    highlight: [...words].slice(0, 12),
  };
}

function search(index, query) {
  const cited = citation(index, query);
  if (cited) {
    return { citation: true, missing: !!cited.missing, hits: cited.missing ? [] : [describe(index, cited.id, [])], total: cited.missing ? 0 : 1 };
  }
  const found = searchWords(index, query);
  // A body's own name brings its profile first, then the passages that name it.
  const named = index.names.get(nameKey(query));
  if (named !== undefined) {
    const at = found.findIndex((hit) => hit.id === named);
    const [profile] = at >= 0 ? found.splice(at, 1) : [{ id: named, marked: [] }];
    // The passages the profile lists, those the words found first.
    const listed = (index.docs[named].mentions || []).map((location) => index.ids.get(location))
      .filter((id) => id !== undefined);
    const mentions = new Set(listed);
    const rest = found.filter((hit) => !mentions.has(hit.id));
    const first = found.filter((hit) => mentions.has(hit.id));
    const shown = new Set(first.map((hit) => hit.id));
    const unfound = listed.filter((id) => !shown.has(id)).map((id) => ({ id, marked: [] }));
    found.splice(0, found.length, profile, ...first, ...unfound, ...rest);
  }
  return {
    citation: false,
    total: found.length,
    hits: found.slice(0, MAX_HITS).map((hit) => describe(index, hit.id, hit.marked)),
  };
}

addEventListener("message", async (event) => {
  const { type, id, url, query } = event.data;
  if (type === "load") {
    ready = ready || load(url);
    return;
  }
  try {
    const index = await ready;
    postMessage(Object.assign({ id, query }, search(index, query)));
  } catch (error) {
    postMessage({ id, query, error: String(error) });
  }
});
