import { quote_seat_change } from "seatquote";
import { expect, test } from "vitest";
import { answer, request } from "./request.js";

test("rules §8.1 in Vitest", () => {
  expect(answer(quote_seat_change(request))).toBe("8.00 38.00");
});
