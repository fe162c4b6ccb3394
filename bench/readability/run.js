// Readability.js (with linkedom as the DOM) over .html/.html.gz pages: the
// anchor bench/html_eval.sh compares kabar's HTML extractor with.
// usage: node run.js OUT.json ROUNDS FILE...   prints pages/s on stderr
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { parseHTML } = require('linkedom');
const { Readability } = require('@mozilla/readability');

const [out, roundsArg, ...files] = process.argv.slice(2);
const rounds = Math.max(1, parseInt(roundsArg || '1', 10));
const pages = files.map((f) => {
  let buf = fs.readFileSync(f);
  if (f.endsWith('.gz')) buf = zlib.gunzipSync(buf);
  return { id: path.basename(f).split('.')[0], html: buf.toString('utf8') };
});

const output = {};
let failed = 0;
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  for (const p of pages) {
    let text = '';
    try {
      const { document } = parseHTML(p.html);
      const art = new Readability(document).parse();
      text = art && art.textContent ? art.textContent : '';
    } catch (e) {
      if (r === 0) failed++;
    }
    if (r === 0) output[p.id] = { articleBody: text.replace(/[ \t]+/g, ' ').trim() };
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6; // all of node's threads (GC too)
fs.writeFileSync(out, JSON.stringify(output));
const n = pages.length * rounds;
process.stderr.write(
  `readability.js: ${pages.length} pages x ${rounds} rounds, ${(n / cpuSecs).toFixed(1)} pages/s CPU, ` +
    `${(n / secs).toFixed(1)} pages/s wall` +
    `, failed ${failed}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
