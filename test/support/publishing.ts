// Where the action is published: one place for the repository that README's `uses:` lines, the
// examples, CODEOWNERS, action.yml's author and the schema's $id name. The release workflow refuses
// to publish from any other repository (.github/workflows/release.yml, "names this repository").
export const OWNER = 'your-org';
export const REPOSITORY = `${OWNER}/twilio-conversations-webhooks-action`;
export const DEFAULT_BRANCH = 'main';
/** The schema's $id, and the URL `mode: export` writes in its `# yaml-language-server:` line. */
export const SCHEMA_URL = `https://raw.githubusercontent.com/${REPOSITORY}/${DEFAULT_BRANCH}/schema/desired-state.schema.json`;
