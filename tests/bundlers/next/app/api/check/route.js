// A route handler re-checking a quote on the server.
import { quote_seat_change } from "seatquote";
import { answer, request } from "../../../../app/request.js";

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(answer(quote_seat_change(request)));
}
