// The Vite page: a module worker that imports the package; its answers are the page's.
import { report } from "../../probe.js";

report(
  () =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(`worker: ${event.message}`));
    }),
);
