import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The gateway serves dist/ at /dashboard (gateway/src/dashboard/mount-dashboard.ts), so every asset
// URL starts there; the page asks /graphql on the same origin.
export default defineConfig({
  base: "/dashboard/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Fonts stay files (cached once), never base64 in the CSS.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev -w @khcn/dashboard` against a running `npm start`.
    proxy: { "/graphql": "http://127.0.0.1:4000" },
  },
});
