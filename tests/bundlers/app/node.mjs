import { quote_seat_change } from "seatquote";
import { answer, request } from "./request.js";

console.log(answer(quote_seat_change(request)));
