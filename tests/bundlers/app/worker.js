import { quote_seat_change } from "/node_modules/seatquote/pkg/index.js";
import { answer, request } from "/app/request.js";

postMessage(answer(quote_seat_change(request)));
