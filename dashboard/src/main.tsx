// Be Vietnam Pro, from our own bundle: its Vietnamese subset covers every precomposed letter
// (ế, ư, ờ, đ…), which some system fonts and GraphiQL's fonts lack. 400 for text, 600 for headings.
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/600.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
