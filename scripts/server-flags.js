// The Node.js options the server runs with (`npm start`, the systemd unit in deploy/, the benches that measure
// what `npm start` runs). V8's young generation: on Node 24 each space of it grows to tens of MB under load and
// stays resident; 4 MB keeps the server some 350 MB lower after a burst of page loads, no slower (bench/README,
// memory). A fixed list, so a test can hold the unit file to it.
export const serverNodeFlags = ['--max-semi-space-size=4'];
