// Reading a YAML document for a person: every problem with its line (and column where YAML knows
// it) and key path, all of them in one pass; `${NAME}` from the step's environment; a managed
// field through the registry's own parser. What a desired-state file holds is
// src/config/desired-state.ts; how to read any of it is here.
import { isAlias, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { describe, isEmpty } from './yaml-nodes.js';
import type { Document, YAMLMap } from 'yaml';
import { InvalidValue } from '../core/errors.js';
import { closestMatch } from '../core/suggest.js';
import { quote } from '../core/text.js';
import { CLEAR } from '../model/events.js';
import type { FieldValue, ResourceKind, Spec } from '../model/fields.js';
import type { DesiredStateProblem } from '../model/desired.js';
import { expandVariables } from './variables.js';

/** The YAML scalar a boolean or an integer field may be written as, besides its text. */
const NATIVE = { boolean: 'boolean', integer: 'number' } as const;

/** One key of a mapping as the file writes it. */
export interface Entry {
  readonly path: string;
  /** The line of the key. */
  readonly line: number;
  readonly value: unknown;
}

export class YamlReader {
  readonly problems: DesiredStateProblem[] = [];
  /** The variables URLs were filled in from, to show each URL as the file writes it. */
  readonly variables: { readonly name: string; readonly value: string }[] = [];
  /** The document's top node; undefined after a syntax error, when the tree is only a guess. */
  readonly top: unknown;
  private readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();
  private readonly env: NodeJS.ProcessEnv;

  constructor(text: string, env: NodeJS.ProcessEnv) {
    this.env = env;
    this.doc = parseDocument(text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: false,
    });
    for (const [error, what] of [
      ...this.doc.errors.map((e) => [e, 'is not valid YAML'] as const),
      ...this.doc.warnings.map((e) => [e, 'has a YAML problem'] as const),
    ]) {
      // An error at the end of the text (an unclosed quote) is on the last line, not past it.
      const end = Math.max(0, Math.min(error.pos[0], text.trimEnd().length - 1));
      const { line, col } = this.lines.linePos(end);
      const detail =
        error.code === 'MULTIPLE_DOCS'
          ? 'a second document starts here: the file must be one YAML document'
          : (error.message.split('\n')[0] ?? '');
      this.report(line, '', `${what} at column ${col}: ${detail}.`, col);
    }
    this.top = this.doc.errors.length > 0 ? undefined : this.resolve(this.doc.contents);
  }

  /** A managed field, as the input of the same name would have it; a list as its items. */
  readField(entry: Entry, spec: Spec, kind: ResourceKind): FieldValue | undefined {
    const node = this.resolve(entry.value);
    const parse = (text: string) => spec.parse(text, kind);
    if (spec.wire === 'list' && isSeq(node)) return this.readList(entry, node.items, parse);
    // `enabled: true` and `studio-retry-count: 3` as YAML writes them, or as text (from ${NAME}).
    if (
      isScalar(node) &&
      (spec.wire === 'boolean' || spec.wire === 'integer') &&
      typeof node.value === NATIVE[spec.wire]
    ) {
      const text = String(node.value);
      return this.parse(entry.line, entry.path, () => parse(text));
    }
    const text = this.readString(entry.value, entry.line, entry.path, spec.expected, {
      field: true,
      shownAsWritten: 'hook' in spec,
    });
    return text === undefined ? undefined : this.parse(entry.line, entry.path, () => parse(text));
  }

  /** A list is the comma-separated string of its items: each item is checked where it stands. */
  private readList(
    entry: Entry,
    items: readonly unknown[],
    parse: (text: string) => FieldValue,
  ): FieldValue | undefined {
    if (items.length === 0) {
      this.report(
        entry.line,
        entry.path,
        `is an empty list: list event names, or write "${CLEAR}" to clear the list.`,
      );
      return undefined;
    }
    const names = items.map((item, index) => {
      const path = `${entry.path}[${index}]`;
      const line = this.lineOf(item, entry.line);
      const name = this.readString(item, line, path, 'an event name');
      return name === undefined
        ? undefined
        : this.parse(line, path, () => {
            parse(name);
            return name;
          });
    });
    if (names.some((name) => name === undefined)) return undefined;
    return this.parse(entry.line, entry.path, () => parse(names.join(',')));
  }

  /** What `parse` makes of a value, or undefined after reporting why it refused it. */
  parse<T>(line: number, path: string, parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      this.report(line, path, error.message);
      return undefined;
    }
  }

  /** A string value with its `${NAME}`s put in, or undefined after reporting what is wrong. */
  readString(
    value: unknown,
    line: number,
    path: string,
    expected: string,
    { field = false, shownAsWritten = false } = {},
  ): string | undefined {
    const node = this.resolve(value);
    if (isScalar(node) && typeof node.value === 'string') {
      return this.expand(node.value, line, path, shownAsWritten);
    }
    this.report(
      line,
      path,
      isEmpty(node)
        ? `has no value: expected ${expected}.${field ? ' Leave the key out to not manage it.' : ''}`
        : `is ${describe(node)}: expected ${expected}.`,
    );
    return undefined;
  }

  private expand(
    text: string,
    line: number,
    path: string,
    shownAsWritten: boolean,
  ): string | undefined {
    const { value, problems, used } = expandVariables(text, this.env);
    for (const problem of problems) this.report(line, path, problem);
    if (problems.length > 0) return undefined;
    if (shownAsWritten) this.variables.push(...used);
    return value;
  }

  /**
   * A mapping's keys by name, after reporting keys that are not strings, unknown, refused (with
   * the reason given) or given twice. `where` names the mapping for a person ("a service entry").
   */
  entries(
    map: YAMLMap,
    path: string,
    where: string,
    known: readonly string[],
    refused: Readonly<Record<string, string>> = {},
  ): Map<string, Entry> {
    const entries = new Map<string, Entry>();
    for (const pair of map.items) {
      const line = this.lineOf(pair.key, this.lineOf(map));
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string') {
        this.report(
          line,
          path,
          `has a key that is ${describe(pair.key)}: the keys of ${where} are ${known.join(', ')}.`,
        );
        continue;
      }
      const key = pair.key.value;
      const keyPath = `${path === '' ? '' : `${path}.`}${/^[\w-]+$/.test(key) ? key : quote(key)}`;
      const first = entries.get(key);
      if (first !== undefined) {
        this.report(line, keyPath, `is given twice (lines ${first.line} and ${line}): keep one.`);
      } else if (Object.hasOwn(refused, key)) {
        this.report(line, keyPath, refused[key] ?? '');
      } else if (!known.includes(key)) {
        const suggestion = closestMatch(key, known);
        const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
        this.report(
          line,
          keyPath,
          `is not a key of ${where}.${hint} The keys of ${where} are ${known.join(', ')}.`,
        );
      } else {
        entries.set(key, { path: keyPath, line, value: pair.value });
      }
    }
    return entries;
  }

  /**
   * The items of a list, or none after reporting why the value is not one. `leftOut` says what
   * leaving the key out would mean.
   */
  items(entry: Entry, expected: string, leftOut: string): readonly unknown[] {
    const node = this.resolve(entry.value);
    if (isSeq(node)) return node.items;
    this.report(
      entry.line,
      entry.path,
      isEmpty(node)
        ? `has no value: expected ${expected}. ${leftOut}`
        : `is ${describe(node)}: expected ${expected}.`,
    );
    return [];
  }

  /** An alias stands for the node it names. */
  resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  lineOf(node: unknown, fallback = 1): number {
    const start = isNode(node) ? node.range?.[0] : undefined;
    return start === undefined ? fallback : this.lines.linePos(start).line;
  }

  report(line: number, key: string, predicate: string, column?: number): void {
    this.problems.push({
      line,
      ...(column === undefined ? {} : { column }),
      key,
      message: `${key === '' ? 'the file' : key} ${predicate}`,
    });
  }
}
