import "tracelens/styles.css";

export const metadata = { title: "tracelens in Next.js" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
