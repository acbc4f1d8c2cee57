import { quote_seat_change } from "seatquote";
import { answer, request } from "./request.js";

document.getElementById("out").textContent = answer(quote_seat_change(request));
