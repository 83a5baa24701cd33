/**
 * Launch options for Debian's Chromium (`apt-get install chromium`); no browser is downloaded.
 * `CHROMIUM_PATH` points elsewhere. The background-networking flags keep Chromium from calling
 * out, which on a closed network floods the log with refused connections.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
