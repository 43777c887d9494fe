// `${NAME}` in a desired-state file: the value of the step's environment variable NAME, so that a
// preview's URL or a secret comes from the workflow, not the repository. `$${` is a literal `${`.
// A value put in is not read again, so a variable's value is always literal.

const REFERENCE = /\$\$\{|\$\{(?:([A-Za-z_][A-Za-z0-9_]*)\})?/g;
/** The runner's own variables hold its tokens and settings: a file must not carry them to Twilio or GitHub. */
const RUNNER_VARIABLE = /^(?:ACTIONS|GITHUB|RUNNER|INPUT)_/i;

export interface Expanded {
  readonly value: string;
  /** Each a predicate of the key that holds the text ("uses ${X}, which is not set…"). */
  readonly problems: readonly string[];
  /** The variables put in, to show the value as the file writes it. */
  readonly used: readonly { readonly name: string; readonly value: string }[];
}

export function expandVariables(text: string, env: NodeJS.ProcessEnv): Expanded {
  const problems = new Set<string>();
  const used: { name: string; value: string }[] = [];
  const value = text.replace(REFERENCE, (match, name: string | undefined) => {
    if (match === '$${') return '${';
    if (name === undefined) {
      problems.add(
        'has "${" without a variable name and "}" after it: write ${NAME} (letters, digits and _, not starting with a digit), or $${ for a literal ${.',
      );
      return match;
    }
    if (RUNNER_VARIABLE.test(name)) {
      problems.add(
        `uses \${${name}}, a variable of the runner: ACTIONS_*, GITHUB_*, RUNNER_* and INPUT_* hold the runner's own tokens and settings, and are refused. Pass the value in the step's env under a name of your own.`,
      );
      return match;
    }
    const variable = env[name];
    if (variable === undefined || variable === '') {
      problems.add(
        `uses \${${name}}, which is ${variable === undefined ? 'not set' : 'set but empty'} in the environment: give it a value in the step's env, or write $\${ for a literal \${.`,
      );
      return match;
    }
    used.push({ name, value: variable });
    return variable;
  });
  return { value, problems: [...problems], used };
}
