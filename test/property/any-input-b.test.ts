/** Any input, second half of the catalogue (see any-input.ts). */
import { anyInputSuite } from "./any-input";

anyInputSuite(1);
