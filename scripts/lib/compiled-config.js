/** The compiled `loadConfig`, so scripts validate the environment exactly as the apps do. */
const { compiled } = require('./paths');

/** Returns the configuration, or prints each bad value on its own line and exits 1. */
function loadConfigOrExit(env = process.env) {
  const { loadConfig, ConfigError } = require(compiled('libs', 'platform', 'src', 'config', 'app-config.js'));
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { loadConfigOrExit };
