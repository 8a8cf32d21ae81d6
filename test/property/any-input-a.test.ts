/** Any input, first half of the catalogue (see any-input.ts). */
import { anyInputSuite } from "./any-input";

anyInputSuite(0);
