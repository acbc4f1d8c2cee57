// The one line for tools that emit no assets (esbuild, Rollup): the .wasm inside the JS.
import { quote_seat_change } from "seatquote/inline";
import { answer, request } from "./request.js";

document.getElementById("out").textContent = answer(quote_seat_change(request));
