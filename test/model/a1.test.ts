/**
 * Column letters as Excel names columns (bijective base 26). Expected values by hand:
 * AA is 26 + 1 = 27th, AZ 26 + 26 = 52nd, BA 2·26 + 1 = 53rd, ZZ 26·26 + 26 = 702nd,
 * AAA the 703rd, and XFD, Excel's last column, 24·676 + 6·26 + 4 = 16,384th.
 */
import { columnLetters } from "../../src/model/a1";

test.each([
  [0, "A"],
  [25, "Z"],
  [26, "AA"],
  [51, "AZ"],
  [52, "BA"],
  [701, "ZZ"],
  [702, "AAA"],
  [16_383, "XFD"],
])("column %d is %s", (index0, letters) => {
  expect(columnLetters(index0)).toBe(letters);
});
