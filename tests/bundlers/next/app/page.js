import Quote from "./quote.js";

export default function Page() {
  return <Quote />;
}
