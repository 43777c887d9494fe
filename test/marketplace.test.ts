// action.yml as the GitHub Marketplace takes it. The Marketplace checks these only when a release
// is published with "Publish this Action to the GitHub Marketplace" ticked, long after CI passed:
// held here instead. Sources: GitHub Docs, "Publishing actions in GitHub Marketplace" (the name
// rules) and "Metadata syntax for GitHub Actions" (branding.color, branding.icon: the Feather
// v4.28.0 icons GitHub lists as supported); the release form's own error, "Description must be
// less than 125 characters".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_YML, ROOT } from './support/action.js';
import { OWNER, REPOSITORY } from './support/publishing.js';

interface Metadata {
  name?: unknown;
  description?: unknown;
  author?: unknown;
  branding?: { icon?: unknown; color?: unknown };
}

const metadata = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as Metadata;

/** branding.color: "Can be one of: white, black, yellow, blue, green, orange, red, purple, or gray-dark." */
const COLORS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark',
];

/** "Exhaustive list of all currently supported icons" (brand icons and the ones below left out). */
const ICONS = `
activity airplay alert-circle alert-octagon alert-triangle align-center align-justify
align-left align-right anchor aperture archive arrow-down-circle arrow-down-left
arrow-down-right arrow-down arrow-left-circle arrow-left arrow-right-circle arrow-right
arrow-up-circle arrow-up-left arrow-up-right arrow-up at-sign award bar-chart-2 bar-chart
battery-charging battery bell-off bell bluetooth bold book-open book bookmark box briefcase
calendar camera-off camera cast check-circle check-square check chevron-down chevron-left
chevron-right chevron-up chevrons-down chevrons-left chevrons-right chevrons-up circle
clipboard clock cloud-drizzle cloud-lightning cloud-off cloud-rain cloud-snow cloud code
command compass copy corner-down-left corner-down-right corner-left-down corner-left-up
corner-right-down corner-right-up corner-up-left corner-up-right cpu credit-card crop crosshair
database delete disc dollar-sign download-cloud download droplet edit-2 edit-3 edit
external-link eye-off eye fast-forward feather file-minus file-plus file-text file film filter
flag folder-minus folder-plus folder gift git-branch git-commit git-merge git-pull-request
globe grid hard-drive hash headphones heart help-circle home image inbox info italic layers
layout life-buoy link-2 link list loader lock log-in log-out mail map-pin map maximize-2
maximize menu message-circle message-square mic-off mic minimize-2 minimize minus-circle
minus-square minus monitor moon more-horizontal more-vertical move music navigation-2
navigation octagon package paperclip pause-circle pause percent phone-call phone-forwarded
phone-incoming phone-missed phone-off phone-outgoing phone pie-chart play-circle play
plus-circle plus-square plus pocket power printer radio refresh-ccw refresh-cw repeat rewind
rotate-ccw rotate-cw rss save scissors search send server settings share-2 share shield-off
shield shopping-bag shopping-cart shuffle sidebar skip-back skip-forward slash sliders
smartphone speaker square star stop-circle sun sunrise sunset table tablet tag target terminal
thermometer thumbs-down thumbs-up toggle-left toggle-right trash-2 trash trending-down
trending-up triangle truck tv type umbrella underline unlock upload-cloud upload user-check
user-minus user-plus user-x user users video-off video voicemail volume-1 volume-2 volume-x
volume watch wifi-off wifi wind x-circle x-square x zap-off zap zoom-in zoom-out
`
  .trim()
  .split(/\s+/);

/** "Omitted icons": Feather icons GitHub does not take. */
const OMITTED =
  `coffee columns divide-circle divide-square divide frown hexagon key meh mouse-pointer smile tool x-octagon`.split(
    ' ',
  );

/** "The name cannot match an existing GitHub Marketplace category." */
const CATEGORIES = [
  'AI Assisted',
  'API management',
  'Chat',
  'Code quality',
  'Code review',
  'Continuous integration',
  'Dependency management',
  'Deployment',
  'IDEs',
  'Learning',
  'Localization',
  'Mobile',
  'Monitoring',
  'Project management',
  'Publishing',
  'Recently added',
  'Security',
  'Support',
  'Testing',
  'Utilities',
];

/** "GitHub reserves the names of GitHub features": the names of GitHub's own products. */
const FEATURES = [
  'GitHub',
  'Actions',
  'GitHub Actions',
  'Packages',
  'GitHub Packages',
  'Codespaces',
  'Copilot',
  'GitHub Copilot',
  'Dependabot',
  'CodeQL',
  'Code scanning',
  'Secret scanning',
  'Discussions',
  'Issues',
  'Pull requests',
  'Projects',
  'Pages',
  'GitHub Pages',
  'Marketplace',
  'Sponsors',
];

const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

describe('action.yml meets the GitHub Marketplace rules', () => {
  it('has a name, of one line, that reads as this action', () => {
    expect(typeof metadata.name).toBe('string');
    const name = String(metadata.name);
    expect(name).toBe(name.trim());
    expect(name).not.toMatch(/\n/);
    // The listing's slug comes from the name: keep it short enough to read in a URL.
    expect(name.length).toBeGreaterThan(3);
    expect(name.length).toBeLessThanOrEqual(50);
    expect(name).toMatch(/Twilio/);
  });

  it('has a name that is no Marketplace category, no GitHub feature and not the owner alone', () => {
    const name = fold(String(metadata.name));
    for (const taken of [...CATEGORIES, ...FEATURES, OWNER]) {
      expect(name, taken).not.toBe(fold(taken));
    }
  });

  it('has a description shorter than 125 characters', () => {
    expect(typeof metadata.description).toBe('string');
    const description = String(metadata.description);
    expect(description.length).toBeGreaterThan(20);
    expect(description.length).toBeLessThan(125);
  });

  it('names its author: the owner that publishes it, no placeholder', () => {
    expect(metadata.author).toBe(OWNER);
    expect(String(metadata.author)).not.toMatch(/\bauthors?\b|TODO|example/i);
  });

  it('has a branding colour from the allowed set', () => {
    expect(COLORS).toContain(metadata.branding?.color);
  });

  it('has a branding icon from the Feather icons GitHub supports', () => {
    expect(ICONS).toHaveLength(257);
    expect(ICONS).toContain(metadata.branding?.icon);
    expect(OMITTED).not.toContain(metadata.branding?.icon);
  });

  it('is the single action of the repository, at its root, running the committed bundle', () => {
    expect(ACTION_YML.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('is published from the repository the README and the examples name', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const uses = [...readme.matchAll(/uses: ([\w.-]+\/twilio-conversations-webhooks-action)@/g)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, repository] of uses) expect(repository).toBe(REPOSITORY);
  });
});
