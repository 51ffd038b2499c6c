// Preloaded into a newsread under test (NODE_OPTIONS="--import <this file>"): SIGUSR2 makes the process
// throw an error that nothing in newsread catches. It stands in for an unexpected bug, so the test of the
// crash path (newsread.log, the terminal restored, the message on screen) does not depend on a real bug
// that a fix would take away.
process.on('SIGUSR2', () => {
	throw new Error('injected failure');
});
