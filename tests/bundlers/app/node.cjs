const { quote_seat_change } = require("seatquote");
const { answer, request } = require("./request.cjs");

console.log(answer(quote_seat_change(request)));
