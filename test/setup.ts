/**
 * In CI, property tests run with a fixed seed so that a red build always means a change broke
 * something; locally they explore new inputs on every run. `FC_SEED=n` picks another seed.
 */
import fc from 'fast-check';

if (process.env.CI || process.env.FC_SEED)
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
