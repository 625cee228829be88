// The chitieu/1 suite against the Apps Script web app: the built Code.js's doPost in a vm.
import { chitieu1Suite } from "./chitieu1.suite.js";
import { appsScriptServer, suitePlan } from "./servers.js";

chitieu1Suite("Apps Script web app", appsScriptServer(), suitePlan());
