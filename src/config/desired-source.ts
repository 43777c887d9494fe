// What the run is asked to manage: the one resource the inputs describe, or the desired-state file,
// read from the workspace and checked whole. The file's reader and its YAML parser are loaded
// only when there is a file: runs without one never pay for them.
import type { DesiredSet } from '../model/desired.js';
import type { Settings } from './settings.js';

export async function readDesired(settings: Settings, env: NodeJS.ProcessEnv): Promise<DesiredSet> {
  const { source } = settings;
  if (source.kind === 'inputs') {
    return {
      kind: 'inputs',
      wanted: { resource: source.resource, name: undefined, desired: source.desired },
    };
  }
  const { readDesiredFile } = await import('./workspace-file.js');
  const text = await readDesiredFile(source.path, env);
  const { parseDesiredState } = await import('./desired-state.js');
  return { kind: 'file', state: parseDesiredState(text, source.path, env) };
}
