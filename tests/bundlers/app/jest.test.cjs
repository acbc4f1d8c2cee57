const { quote_seat_change } = require("seatquote");
const { answer, request } = require("./request.cjs");

test("rules §8.1 in Jest", () => {
  expect(answer(quote_seat_change(request))).toBe("8.00 38.00");
});
