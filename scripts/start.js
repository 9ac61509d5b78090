// Entry point of `npm start`: runs scripts/start.ts through ts-node (SWC, no type check).
process.env.TS_NODE_TRANSPILE_ONLY = "true"
process.env.TS_NODE_PROJECT = require("path").join(__dirname, "..", "tsconfig.json")
require("ts-node/register")
require("./start.ts")
