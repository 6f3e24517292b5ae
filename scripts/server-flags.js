// The Node.js options the server runs with (`npm start`, the systemd unit in deploy/, the benches that measure
// what `npm start` runs). V8's young generation: on Node 24 each space of it grows to tens of MB under load and
// stays resident; 4 MB keeps the server some 350 MB lower after a burst of page loads, no slower (bench/README,
// memory). `--expose-gc` lets a thread that has gone quiet after a burst collect and give its heap's empty pages
// back (src/lib/server/idle-collector.js). A fixed list, so a test can hold the unit file to it.
export const serverNodeFlags = ['--max-semi-space-size=4', '--expose-gc'];

// The environment the server process starts with, for glibc's malloc (read once, at process start, so it must be
// set before the server is spawned; a value the operator set wins). Left alone, glibc raises its mmap threshold
// each time a large block is freed (V8's compiler zones, when PGlite's WebAssembly is optimised), and from then
// on large blocks come from heap arenas that are rarely given back. A fixed threshold turns that adjustment off:
// blocks of 1 MiB and more are mmapped and returned on free; the trim threshold makes free() give the top of
// the heap back once 128 KiB is unused there. Some 60–90 MB less resident (bench/README, memory). A 128 KiB
// threshold saved as much but cost a full page render some 30 % more CPU (a system call per large block).
// Ignored by other C libraries (musl). Fixed, so a test can hold the unit file to it.
export const serverEnv = { MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_TRIM_THRESHOLD_: '131072' };
