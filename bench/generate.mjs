// Deterministic generator of MIM workspaces for the benchmarks (no dependencies).
//
//   node bench/generate.mjs DIR [--markdown-repos N] [--yaml-specs N] [--requirements-per-mim N]
//
// A workspace holds Markdown repositories `repo-NNN/` (mim-format §3.1, ids MIM100 upward)
// and structured specifications `spec-NNN.mim.yaml` (§3.3, ids following the repositories').
// Each MIM has 20 capabilities; about 1% of its items carry a defect so that the checker
// has something to report. Same options, same bytes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the output changes, so bench/run.mjs regenerates its cached workspace. */
export const GENERATOR_VERSION = 2;

const SEED = 0x5eed_2026;
const FIRST_MIM = 100;
const CAPABILITIES = 20;
const MECHANISMS = 4;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded per MIM so that one MIM's text does not depend on the others.

function rngFor(n) {
  let a = (SEED ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  return next;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Nothing outside the requirements uses a normative word in any case (must, shall,
// should, may, required, recommended, optional, need not, can optionally, prohibited).

const DOMAINS = [
  'Parking',
  'Air Quality',
  'Waste Collection',
  'Public Transport',
  'Street Lighting',
  'Energy Consumption',
  'Noise Monitoring',
  'Water Management',
  'Building Permits',
  'Shared Mobility',
  'Tourism',
  'Citizen Participation',
  'Health Services',
  'School Facilities',
  'Traffic Flow',
  'Urban Green',
  'Flood Risk',
  'Cultural Heritage',
  'Local Economy',
  'Social Housing',
];
const ASPECTS = ['Data', 'Data Exchange', 'Open Data', 'Data Sharing', 'Sensor Data'];

const CAPABILITY_TITLES = [
  'Machine-readable data is retrievable through the web',
  'Access is structured and queryable',
  'Datasets are described with metadata',
  'Data models are documented',
  'Changes are announced in advance',
  'Access is secured and logged',
  'Personal data is protected',
  'Historical data remains available',
  'Data quality is measurable',
  'Licences are explicit',
  'Identifiers are persistent',
  'Provenance is traceable',
  'Errors are reported consistently',
  'Subscriptions deliver updates',
  'Geospatial references are unambiguous',
  'Catalogues are federated',
  'Services are monitored',
  'Vocabularies are shared',
  'Payloads are validated',
  'Bulk access is possible',
];

const CAPABILITY_PROSE = [
  'Cities and suppliers depend on this capability when they combine data from several sources into one service.',
  'The capability keeps the effort of connecting a new data source small and predictable.',
  'Without it, every integration project repeats the same analysis and the same conversion work.',
  'It applies to open data as well as to data shared under an agreement between organisations.',
  'The capability is technology-neutral: it states the outcome, and the mechanisms describe how to reach it.',
  'Experience from pilot cities shows that this capability is the first one that reusers look for.',
];

const SUBJECTS = [
  'Systems',
  'Data providers',
  'Data platforms',
  'Implementations',
  'Public sector data systems',
  'Data publishers',
  'Service operators',
  'Open data portals',
  'Participating cities',
  'Urban platforms',
  'Access points',
];
const KEYWORDS = ['SHALL', 'SHALL', 'SHALL', 'SHALL', 'SHALL', 'SHALL', 'SHALL', 'SHOULD', 'SHOULD', 'MUST', 'MAY'];
const ACTIONS = [
  'expose machine-readable metadata for every published dataset',
  'publish a versioned description of each access endpoint',
  'document the data model used by every payload',
  'provide a persistent identifier for each dataset and distribution',
  'support filtering of collections by time, location and attribute values',
  'record the provenance of each dataset, including its source and processing steps',
  'encrypt personal data in transit between the provider and the consumer',
  'log every access to restricted datasets with the identity of the requester',
  'offer a bulk download of the complete dataset in an open format',
  'announce changes to the schema of a dataset before they take effect',
  'return structured error messages that identify the cause of a failure',
  'declare the licence under which each dataset is made available',
  'keep historical versions of a dataset accessible for a documented period',
  'use coordinate reference systems identified by a registered code',
  'link each dataset to the catalogue record that describes it',
  'validate incoming payloads against the published schema',
  'notify subscribed consumers when new observations become available',
  'separate identifying attributes from the observations they describe',
];
const QUALIFIERS = [
  'using an openly documented and widely adopted format',
  'through at least one standard web-based interface',
  'in a way that allows automated discovery by third parties',
  'with a response time that is stated in the service description',
  'according to the conventions agreed within the federation',
  'for every dataset listed in the public catalogue',
  'without depending on a proprietary client or software library',
  'in both a human-readable and a machine-readable form',
  'at the latest when the dataset is first published',
  'following the vocabulary agreed by the relevant community',
];
const PURPOSES = [
  'so that consumers in other cities reuse the data without manual conversion',
  'to keep the cost of integration low for small suppliers',
  'so that auditors trace how a published figure was obtained',
  'to allow applications to be moved between cities with little effort',
  'so that errors are detected before the data reaches downstream services',
  'to give residents a clear view of how their data is handled',
  'in order to reduce dependence on a single vendor',
];

const MECHANISM_NAMES = [
  'REST API with JSON Description',
  'NGSI-LD Context Broker',
  'OGC API Features',
  'SensorThings API',
  'Bulk File Download',
  'Event Streaming over MQTT',
  'Linked Data Fragments',
  'GraphQL Gateway',
];
const MECHANISM_PROSE = [
  'This mechanism describes how a city exposes its data through widely adopted open standards, so that suppliers reuse existing components.',
  'Every endpoint is listed in a machine-readable description that names its parameters, its response schema and its content types.',
  'Clients retrieve data with plain HTTP requests; the response format is negotiated with the Accept header.',
  'Collections follow one uniform URL pattern, which keeps implementations from different vendors consistent.',
  'Filtering by time, bounding box and attribute values uses query parameters documented next to each collection.',
  'Pagination relies on links in the response, so clients never have to build page addresses themselves.',
  'Change notifications are delivered through subscriptions, and a polling fallback stays available for simple clients.',
  'The mechanism leaves the data model open; the payload schemas point to the data models that the city has chosen.',
];
const HOW = [
  'The service description lists this behaviour for every endpoint and a conformance test checks it.',
  'A reference implementation is available as open source and is deployed in several pilot cities.',
  'The response headers carry the information, and the OpenAPI description documents them.',
  'Each collection publishes this information in its metadata record, which the catalogue harvests daily.',
  'The broker applies the rule to every entity before it is stored or forwarded to subscribers.',
  'A profile of the standard fixes the options that cities use, which keeps implementations aligned.',
  'The operator records the information in the audit log, which is retained for the agreed period.',
];

const HTTPS_LINKS = [
  ['OpenAPI Specification 3.1', 'https://spec.openapis.org/oas/v3.1.0'],
  ['DCAT version 3', 'https://www.w3.org/TR/vocab-dcat-3/'],
  ['OGC API - Features - Part 1: Core', 'https://docs.ogc.org/is/17-069r4/17-069r4.html'],
  ['RFC 9110 HTTP Semantics', 'https://www.rfc-editor.org/rfc/rfc9110'],
  ['OASC Minimal Interoperability Mechanisms', 'https://oascities.org/minimal-interoperability-mechanisms/'],
  ['NGSI-LD API', 'https://www.etsi.org/deliver/etsi_gs/CIM/001_099/009/01.08.01_60/gs_cim009v010801p.pdf'],
];

const NORMATIVE = [
  ['IETF RFC 9110', 'HTTP Semantics', 'https://www.rfc-editor.org/rfc/rfc9110'],
  ['OGC 17-069r4', 'OGC API - Features - Part 1: Core', 'https://docs.ogc.org/is/17-069r4/17-069r4.html'],
  ['OAS 3.1', 'OpenAPI Specification 3.1.0', 'https://spec.openapis.org/oas/v3.1.0'],
  ['W3C DCAT 3', 'Data Catalog Vocabulary, version 3', 'https://www.w3.org/TR/vocab-dcat-3/'],
  ['ETSI GS CIM 009', 'Context Information Management: NGSI-LD API', 'https://www.etsi.org/committee/cim'],
  [
    'ISO 19115-1',
    'Geographic information - Metadata - Part 1: Fundamentals',
    'https://www.iso.org/standard/53798.html',
  ],
];
const BIBLIOGRAPHY = [
  ['b-ISO/IEC 30182', 'Smart city concept model'],
  ['b-ITU-T Y.4200', 'Requirements for the interoperability of smart city platforms'],
  ['b-EN 17381', 'Guidance on the use of smart city standards'],
  ['b-OASC MIMs', 'OASC Minimal Interoperability Mechanisms, 2025 edition'],
];

// ---------------------------------------------------------------------------------------------
// The MIM as plain data; the Markdown and YAML writers below only format it.

/** GitHub-style heading anchor, as the engine computes it (server/src/parse/text/slug.ts). */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

function sentence(rng) {
  for (;;) {
    const parts = [rng.pick(SUBJECTS), rng.pick(KEYWORDS), rng.pick(ACTIONS), rng.pick(QUALIFIERS)];
    if (rng.chance(0.5)) parts.push(rng.pick(PURPOSES));
    const text = `${parts.join(' ')}.`;
    const words = text.split(' ').length;
    if (words >= 15 && words <= 30) return text;
  }
}

/** `count` different sentences of `pool`, from a random start. */
function paragraph(rng, pool, count) {
  const start = Math.floor(rng() * pool.length);
  return Array.from({ length: count }, (_, i) => pool[(start + i) % pool.length]).join(' ');
}

/** `others` are the ids of the other MIMs of the workspace, the targets of cross-references. */
function buildMim(n, index, perCap, others, rng) {
  const id = `MIM${n}`;
  const title = `${DOMAINS[index % DOMAINS.length]} ${ASPECTS[Math.floor(index / DOMAINS.length) % ASPECTS.length]}`;
  const foreign = () =>
    `${rng.pick(others)}.R${1 + Math.floor(rng() * CAPABILITIES)}.${1 + Math.floor(rng() * perCap)}`;
  const capabilities = [];
  for (let k = 1; k <= CAPABILITIES; k++) {
    const requirements = [];
    for (let j = 1; j <= perCap; j++) {
      let text = sentence(rng);
      if (rng.chance(0.01)) text = text.replace(/\b(SHALL|SHOULD|MUST|MAY)\b/, (kw) => kw.toLowerCase()); // defect
      const seeAlso = rng.chance(0.03) && others.length ? [foreign()] : [];
      requirements.push({ id: `R${k}.${j}`, text, seeAlso });
    }
    capabilities.push({
      id: `C${k}`,
      title: CAPABILITY_TITLES[(k - 1 + index) % CAPABILITY_TITLES.length],
      description: paragraph(rng, CAPABILITY_PROSE, 2),
      requirements,
      hint: rng.chance(0.2),
    });
  }
  const all = capabilities.flatMap((c) => c.requirements);
  const mechanisms = [];
  for (let m = 1; m <= MECHANISMS; m++) {
    // Mechanism m satisfies capabilities m, m+4, m+8, ... and a few requirements of the others.
    const rows = capabilities.filter((_, k) => k % MECHANISMS === m - 1).flatMap((c) => c.requirements);
    for (let extra = 0; extra < 3; extra++) rows.push(rng.pick(all));
    const satisfies = [...new Set(rows)].map((req) => ({
      req,
      drift: rng.chance(0.003), // defect: the quoted text has another modal verb
      how: rng.pick(HOW) + (rng.chance(0.03) && others.length ? ` See ${foreign()} for the related requirement.` : ''),
    }));
    if (rng.chance(0.1)) {
      // defect: a row naming a requirement that does not exist
      satisfies.push({
        req: { id: `R${m}.${perCap + 1}`, text: sentence(rng), seeAlso: [] },
        drift: false,
        how: rng.pick(HOW),
      });
    }
    mechanisms.push({
      id: `M${m}`,
      name: MECHANISM_NAMES[(index + m - 1) % MECHANISM_NAMES.length],
      satisfies,
      prose: [
        paragraph(rng, MECHANISM_PROSE, 3),
        paragraph(rng, MECHANISM_PROSE, 2),
        paragraph(rng, MECHANISM_PROSE, 2),
      ],
    });
  }
  const guidance = [1, 2, 3].map((g) => ({
    id: `G${g}`,
    title: `Combining ${mechanisms[g - 1].name} and ${mechanisms[g].name}`,
    mechanisms: [`M${g}`, `M${g + 1}`],
    text: `A city that runs both mechanisms publishes one catalogue entry per dataset and points it to both access paths. ${rng.pick(MECHANISM_PROSE)}`,
  }));
  const tests = capabilities.map((c, i) => ({
    id: `T${i + 1}`,
    title: `Verifying that ${c.title[0].toLowerCase()}${c.title.slice(1)}`,
    covers: c.requirements.map((r) => r.id),
    method: rng.pick(['automated', 'automated', 'manual', 'self-assessment']),
    description: `The test suite exercises a deployed service against the requirements of ${c.id} and reports each result separately.`,
  }));
  return { n, id, title, capabilities, mechanisms, guidance, tests };
}

// ---------------------------------------------------------------------------------------------
// Markdown repository (mim-format §3.1)

const PAGES = [
  ['Objective', 'objective.md'],
  ['Capabilities and Requirements', 'capabilities-and-requirements.md'],
  ['Mechanisms', 'mechanisms.md'],
  ['Interoperability Guidance', 'interoperability-guidance.md'],
  ['Conformance and Compliance Testing', 'conformance.md'],
  ['Resources', 'resources.md'],
];

/** A requirement as a Markdown page writes it: its cross-references become prose. */
const mdText = (r) => (r.seeAlso.length ? r.text.replace(/\.$/, ` (see ${r.seeAlso.join(', ')}).`) : r.text);
const quote = (s, text) => (s.drift ? text.replace(/\b(SHALL|MUST)\b/, 'SHOULD') : text);

function capabilitiesPage(mim, frontMatter = '') {
  const out = [
    frontMatter + '# Capabilities and Requirements',
    '',
    '## Terminology',
    '',
    '> The key words MUST, SHALL, SHOULD, MAY in this document are to be interpreted as described in BCP 14 when, and only when, they appear in all capitals.',
    '>',
    '> * "MUST" indicates an absolute requirement',
    '> * "SHALL" indicates a requirement',
    '> * "SHOULD" indicates a recommendation',
    '> * "MAY" indicates that something is permitted',
    '',
  ];
  for (const c of mim.capabilities) {
    out.push(`## ${c.id} ${c.title}`, '', c.description, '', '### Requirements', '');
    for (const r of c.requirements) {
      out.push(`* **${r.id}** ${mdText(r)}`);
    }
    out.push('');
    if (c.hint)
      out.push(
        '{% hint style="info" %}',
        '_Examples_',
        '',
        '* REST APIs over HTTPS described with OpenAPI',
        '* CSV or JSON payloads with a published schema',
        '{% endhint %}',
        '',
      );
  }
  return out.join('\n');
}

function writeRepo(dir, mim, rng, emit) {
  const page = (name, text) => emit(join(dir, 'docs', name), text);
  mkdirSync(join(dir, 'docs'), { recursive: true });
  emit(join(dir, 'mimspec.yaml'), `# mimspec project configuration\nmim: ${mim.id}\n`);
  page(
    'README.md',
    [
      `# ${mim.title} (${mim.id})`,
      '',
      `This Minimal Interoperability Mechanism describes how cities and suppliers exchange ${mim.title.toLowerCase()} in a consistent way.`,
      '',
      'The specification is organised in the five parts of the Y.MIM structure:',
      '',
      ...PAGES.slice(0, 5).map(([t, f]) => `* [${t}](${f})`),
      '',
    ].join('\n'),
  );
  page(
    'SUMMARY.md',
    [
      '# Table of contents',
      '',
      `* [${mim.title} (${mim.id})](README.md)`,
      ...PAGES.map(([t, f]) => `* [${t}](${f})`),
      '',
    ].join('\n'),
  );
  page(
    'objective.md',
    [
      '# Objective',
      '',
      `The objective of ${mim.id} is to let a city offer ${mim.title.toLowerCase()} to any supplier through a small set of agreed mechanisms.`,
      '',
      paragraph(rng, CAPABILITY_PROSE, 3),
      '',
    ].join('\n'),
  );
  page('capabilities-and-requirements.md', capabilitiesPage(mim));

  const mech = ['# Mechanisms', ''];
  for (const m of mim.mechanisms) {
    mech.push(
      `## Mechanism ${m.id.slice(1)}: ${m.name}`,
      '',
      '#### Overview',
      '',
      m.prose[0],
      '',
      m.prose[1],
      '',
      '#### Description',
      '',
      m.prose[2],
      '',
      '#### Requirements Mapping Table',
      '',
      '| Req. ID | Requirement Text | How This Mechanism Implements It |',
      '| --- | --- | --- |',
    );
    for (const s of m.satisfies) mech.push(`| **${s.req.id}** | ${quote(s, mdText(s.req))} | ${s.how} |`);
    mech.push('');
  }
  page('mechanisms.md', mech.join('\n'));

  page(
    'interoperability-guidance.md',
    [
      '# Interoperability Guidance',
      '',
      ...mim.guidance.flatMap((g) => [
        `## ${g.id}: ${g.title}`,
        '',
        `Mechanisms: ${g.mechanisms.join(', ')}`,
        '',
        g.text,
        '',
      ]),
    ].join('\n'),
  );
  page(
    'conformance.md',
    [
      '# Conformance and Compliance Testing',
      '',
      ...mim.tests.flatMap((t) => [
        `## ${t.id}: ${t.title}`,
        '',
        `Covers: ${t.covers.join(', ')}`,
        '',
        t.description,
        '',
      ]),
    ].join('\n'),
  );

  const c = mim.capabilities[Math.floor(rng() * CAPABILITIES)];
  const m = mim.mechanisms[Math.floor(rng() * MECHANISMS)];
  const anchorDefect = rng.chance(0.1); // defect: a link to a heading that does not exist
  page(
    'resources.md',
    [
      '# Resources',
      '',
      'Standards that the mechanisms build on:',
      '',
      ...HTTPS_LINKS.map(([t, u]) => `* [${t}](${u})`),
      '',
      'Within this MIM:',
      '',
      `* [${c.id} ${c.title}](capabilities-and-requirements.md#${slug(`${c.id} ${c.title}`)})`,
      `* [Mechanism ${m.id.slice(1)}](mechanisms.md#${anchorDefect ? 'mechanism-9' : slug(`Mechanism ${m.id.slice(1)}: ${m.name}`)})`,
      `* [Tests of ${mim.tests[0].id}](conformance.md#${slug(`${mim.tests[0].id}: ${mim.tests[0].title}`)})`,
      '* [Objective](objective.md)',
      '',
      '{% embed url="https://oascities.org/minimal-interoperability-mechanisms/" %}',
      '',
    ].join('\n'),
  );
}

// ---------------------------------------------------------------------------------------------
// Structured specification (mim-format §3.3)

/** A YAML scalar: plain when that is safe, else double-quoted (JSON strings are valid YAML). */
const q = (s) => (/^[A-Za-z][^:#"'\n]*[A-Za-z0-9.)]$/.test(s) && !/: | #/.test(s) ? s : JSON.stringify(s));
const block = (text, indent) =>
  `|\n${text
    .split('\n')
    .map((l) => ' '.repeat(indent) + l)
    .join('\n')}`;

function specYaml(mim, rng) {
  const normative = [0, 1, 2].map((i) => NORMATIVE[(mim.n + i) % NORMATIVE.length]);
  const bibliography = [0, 1].map((i) => BIBLIOGRAPHY[(mim.n + i) % BIBLIOGRAPHY.length]);
  const undefinedCitation = rng.chance(0.05) ? ' See also [b-ISO 37120].' : ''; // defect
  const out = [
    `mim: ${mim.id}`,
    `title: ${q(mim.title)}`,
    'edition: "2026"',
    `status: ${rng.pick(['capabilities', 'specification', 'work-item'])}`,
    `category: ${rng.pick(['foundational', 'application-specific'])}`,
    'conventions: bcp14',
    `objective: ${block(`The objective of ${mim.id} is to let a city offer ${mim.title.toLowerCase()} to any supplier.\nIt follows the concept model of [${bibliography[0][0]}] and the platform requirements of [${bibliography[1][0]}].${undefinedCitation}`, 2)}`,
    'capabilities:',
  ];
  for (const c of mim.capabilities) {
    out.push(
      `  - id: ${c.id}`,
      `    title: ${q(c.title)}`,
      `    description: ${q(c.description)}`,
      '    requirements:',
    );
    for (const r of c.requirements) {
      out.push(`      - id: ${r.id}`, `        text: ${q(r.text)}`);
      if (r.seeAlso.length) out.push(`        seeAlso: [${r.seeAlso.join(', ')}]`);
    }
  }
  out.push('mechanisms:');
  mim.mechanisms.forEach((m, i) => {
    const tag = normative[i % normative.length][0];
    out.push(
      `  - id: ${m.id}`,
      `    title: ${q(m.name)}`,
      `    standards: [${JSON.stringify(tag)}]`,
      `    description: ${block(`${m.prose[0]} It builds on [${tag}].\n\n${m.prose[1]}`, 6)}`,
      '    satisfies:',
    );
    for (const s of m.satisfies) {
      const ref = rng.chance(0.02) ? `${mim.id}.${s.req.id}` : s.req.id; // now and then the global form
      out.push(`      - requirement: ${ref}`, `        how: ${q(s.how)}`);
    }
  });
  out.push('interoperabilityGuidance:');
  for (const g of mim.guidance)
    out.push(`  - id: ${g.id}`, `    mechanisms: [${g.mechanisms.join(', ')}]`, `    text: ${q(g.text)}`);
  out.push('conformance:');
  for (const t of mim.tests) {
    out.push(
      `  - id: ${t.id}`,
      `    covers: [${t.covers.join(', ')}]`,
      `    method: ${t.method}`,
      `    description: ${q(t.description)}`,
    );
  }
  out.push(
    'references:',
    '  normative:',
    ...normative.map(
      ([tag, title, url]) =>
        `    - { tag: ${JSON.stringify(tag)}, title: ${JSON.stringify(title)}, url: ${JSON.stringify(url)} }`,
    ),
    '  bibliography:',
    ...bibliography.map(([tag, title]) => `    - { tag: ${JSON.stringify(tag)}, title: ${JSON.stringify(title)} }`),
    '',
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Entry points

const pad = (i) => String(i).padStart(3, '0');

/** Writes the workspace into `dir` (created if needed; existing files are overwritten, none removed). */
export function generateWorkspace(dir, { markdownRepos = 100, yamlSpecs = 100, requirementsPerMim = 200 } = {}) {
  const perCap = Math.max(1, Math.round(requirementsPerMim / CAPABILITIES));
  const total = markdownRepos + yamlSpecs;
  const ids = Array.from({ length: total }, (_, i) => `MIM${FIRST_MIM + i}`);
  const stats = { mims: total, files: 0, requirements: total * CAPABILITIES * perCap, bytes: 0 };
  const emit = (path, text) => {
    writeFileSync(path, text);
    stats.files += 1;
    stats.bytes += Buffer.byteLength(text);
  };
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < total; i++) {
    const n = FIRST_MIM + i;
    const rng = rngFor(n);
    const mim = buildMim(
      n,
      i,
      perCap,
      ids.filter((id) => id !== `MIM${n}`),
      rng,
    );
    if (i < markdownRepos) writeRepo(join(dir, `repo-${pad(i)}`), mim, rng, emit);
    else emit(join(dir, `spec-${pad(i - markdownRepos)}.mim.yaml`), specYaml(mim, rng));
  }
  return stats;
}

/** One capabilities-and-requirements.md of about `lines` lines, for the language-server benchmark. */
export function generateLargeDocument(path, lines = 5000, { mim = 'MIM900' } = {}) {
  const linesPerCapability = 17; // heading, prose, sub-heading, 10 requirements, blank lines
  const capabilities = Math.max(1, Math.round((lines - 12) / linesPerCapability));
  const rng = rngFor(900);
  const model = buildMim(900, 0, 10, ['MIM100', 'MIM101'], rng);
  model.capabilities = Array.from({ length: capabilities }, (_, k) => ({
    ...model.capabilities[k % CAPABILITIES],
    id: `C${k + 1}`,
    hint: false,
    requirements: Array.from({ length: 10 }, (_, j) => ({
      id: `R${k + 1}.${j + 1}`,
      text: sentence(rng),
      seeAlso: [],
    })),
  }));
  mkdirSync(dirname(path), { recursive: true });
  const text = capabilitiesPage(model, `---\nmim: ${mim}\n---\n\n`);
  writeFileSync(path, text);
  return { lines: text.split('\n').length, requirements: capabilities * 10, bytes: Buffer.byteLength(text) };
}

/**
 * The workspace of `size` MIMs the user-path and memory benchmarks share (`.bench/user-SIZE`:
 * half Markdown repositories, half *.mim.yaml, 40 requirements a MIM, and a 4,500-line
 * big.mim.yaml), generated unless it is there from this generator version.
 */
export function userWorkspace(root, size) {
  const dir = join(root, '.bench', `user-${size}`);
  const stamp = join(dir, '.stamp.json');
  const want = JSON.stringify({ generator: GENERATOR_VERSION, size, big: 4500 });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    mkdirSync(dir, { recursive: true });
    generateWorkspace(dir, { markdownRepos: size / 2, yamlSpecs: size / 2, requirementsPerMim: 40 });
    generateLargeSpec(join(dir, 'big.mim.yaml'), 4500);
    writeFileSync(stamp, want);
  }
  return dir;
}

/** One *.mim.yaml of about `lines` lines (4.3 lines a requirement), referring to MIM100 and MIM101, for the user-path benchmark. */
export function generateLargeSpec(path, lines = 4500, { n = 950 } = {}) {
  const perCap = Math.max(1, Math.round(lines / 4.3 / CAPABILITIES));
  const rng = rngFor(n);
  const text = specYaml(buildMim(n, 0, perCap, ['MIM100', 'MIM101'], rng), rng);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return { lines: text.split('\n').length, bytes: Buffer.byteLength(text) };
}

/** A workspace of about `files` files, half of them in Markdown repositories (9 files each). */
export function generateFileCount(dir, files = 1000, { requirementsPerMim = 40 } = {}) {
  const markdownRepos = Math.max(1, Math.round(files / 2 / 9));
  return generateWorkspace(dir, {
    markdownRepos,
    yamlSpecs: Math.max(1, files - markdownRepos * 9),
    requirementsPerMim,
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir || dir.startsWith('-')) {
    console.error(
      'usage: node bench/generate.mjs DIR [--markdown-repos N] [--yaml-specs N] [--requirements-per-mim N]',
    );
    process.exit(2);
  }
  const options = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    options[key] = Number(rest[i + 1]);
  }
  const started = Date.now();
  const stats = generateWorkspace(dir, options);
  console.log(
    `${stats.mims} MIMs, ${stats.files} files, ${stats.requirements} requirements, ` +
      `${(stats.bytes / 1048576).toFixed(1)} MB in ${Date.now() - started} ms`,
  );
}
