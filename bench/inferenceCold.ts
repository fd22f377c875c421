// One cold sample of `npm run bench:inference`, in a fresh Node process (nothing compiled, cached or
// tiered up yet). Mode `first-result`: time from making the engine (createSentimentClassifier() for
// tracelens) to the result of one message, the model's load included. Mode `first-pass`: make the
// engine, wait until it is loaded, then time its first classification of the 1,000 messages.
// Both also report the process's CPU time (all its threads: V8's background compilation included), so
// a loaded machine's scheduling can be told apart from the engines' own work. Prints one JSON line. Usage: tsx bench/inferenceCold.ts tracelens|pipeline|native first-result|first-pass
import { COUNT, ENGINES, benchMessages, makeEngine, type EngineName } from "./inferenceEngines";

const name = process.argv[2] as EngineName;
const mode = process.argv[3];
if (!(ENGINES as readonly string[]).includes(name)) throw new Error(`engine must be one of ${ENGINES.join(", ")}`);
if (mode !== "first-result" && mode !== "first-pass") throw new Error("mode must be first-result or first-pass");
const { texts } = benchMessages();

/** CPU seconds of this process since `since` (user + system, every thread). */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

if (mode === "first-result") {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const engine = await makeEngine(name);
  await engine.classify([texts[0]!]);
  const ms = performance.now() - started;
  const cpuMs = cpuSeconds(cpu) * 1000;
  await engine.dispose();
  console.log(JSON.stringify({ engine: name, mode, ms, cpuMs }));
} else {
  const engine = await makeEngine(name);
  await engine.ready();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const out = await engine.classify(texts);
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = cpuSeconds(cpu);
  if (out.length !== COUNT) throw new Error(`${name} returned ${out.length} results`);
  await engine.dispose();
  console.log(JSON.stringify({ engine: name, mode, perSecond: COUNT / seconds, perCpuSecond: COUNT / cpuUsed }));
}
