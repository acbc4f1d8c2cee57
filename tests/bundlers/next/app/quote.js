"use client";
// A client component: rendered on the server, then hydrated in the browser.
import { useEffect, useState } from "react";
import { quote_seat_change } from "seatquote";
import { answer, request } from "../../app/request.js";

export default function Quote() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return <output id={hydrated ? "out" : "ssr"}>{answer(quote_seat_change(request))}</output>;
}
