// Reads each reference file named on the command line with citation-js and prints, as JSON,
// what it understood (CSL-JSON items) and every entry rendered in APA, one object per file: its
// reference-list entry, and its in-text citation (APA lists no personal communications).
// Usage: node read.js FILE... (the format is told by the extension: .bib, .bbx, .ris, .json)
'use strict'
const fs = require('fs')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-csl')

const FORMATS = { '.bib': '@biblatex/text', '.ris': '@ris/file', '.json': '@csl/list+object' }

const results = {}
for (const file of process.argv.slice(2)) {
  const extension = file.slice(file.lastIndexOf('.'))
  const text = fs.readFileSync(file, 'utf8')
  const input = extension === '.json' ? JSON.parse(text) : text
  const cite = new Cite(input, { forceType: FORMATS[extension], strict: true })
  const apa = cite.data.map((item) => new Cite(item).format('bibliography', { template: 'apa', format: 'text' }).trim())
  const citations = cite.data.map((item) => new Cite(item).format('citation', { template: 'apa', format: 'text' }).trim())
  results[file] = { items: cite.data, apa, citations }
}
process.stdout.write(JSON.stringify(results))
