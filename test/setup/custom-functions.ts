// Jest has no CustomFunctions global; install the same stand-in the command line uses.
import { installCustomFunctionsShim } from "../../src/functions/custom-functions-shim";

installCustomFunctionsShim();
